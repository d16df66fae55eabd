package dev.weft.crdt.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Runs an expensive property a fixed share of the build's tries ({@code weft.tries}: 500 by
 * default, 20000 with {@code -Psoak}), so it stays affordable in the default build and still
 * grows with the soak profile. A property that names {@code tries} itself is left alone.
 *
 * <pre>{@code
 * @Property @ScaledTries(percent = 10)   // 50 tries by default, 2000 in the soak profile
 * void eightReplicasConverge(...) { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@AddLifecycleHook(ScaledTries.Hook.class)
public @interface ScaledTries {
  /** Share of {@code weft.tries}, in percent. */
  int percent();

  /** Never fewer tries than this. */
  int atLeast() default 10;

  /** Sets the tries of a property annotated with {@link ScaledTries}. */
  final class Hook implements AroundPropertyHook {
    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
      context.findAnnotation(ScaledTries.class).ifPresent(scaled -> {
        int tries = Math.max(scaled.atLeast(), (int) ((long) Tries.build() * scaled.percent() / 100));
        context.attributes().setTries(tries);
      });
      return property.execute();
    }

    @Override
    public int aroundPropertyProximity() {
      // outside jqwik's own hooks, so the tries are set before the property is configured
      return -100;
    }
  }
}
