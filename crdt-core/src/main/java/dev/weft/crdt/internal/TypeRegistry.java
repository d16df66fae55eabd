package dev.weft.crdt.internal;

import dev.weft.crdt.SharedType;
import dev.weft.crdt.UntypedType;
import dev.weft.crdt.YArray;
import dev.weft.crdt.YMap;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Which public class stands for which kind of type. crdt-core knows arrays and maps; other
 * modules (text and XML) add theirs through {@link TypeProvider} services. A kind nobody provides
 * is shown as an {@link UntypedType}, which still keeps, relays and re-encodes its content.
 */
public final class TypeRegistry {
  private static final Map<Integer, Function<Branch, SharedType>> FACTORIES = new HashMap<>();
  private static final Map<Class<?>, Integer> KINDS = new HashMap<>();
  private static Accessor accessor;

  static {
    register(TypeRef.ARRAY, YArray.class, YArray::wrap);
    register(TypeRef.MAP, YMap.class, YMap::wrap);
    for (TypeProvider p : ServiceLoader.load(TypeProvider.class, TypeRegistry.class.getClassLoader())) {
      p.register(TypeRegistry::register);
    }
  }

  private TypeRegistry() {}

  /** Adds a kind; called by {@link TypeProvider}s. */
  public static synchronized <T extends SharedType> void register(int typeRef, Class<T> kind, Function<Branch, T> factory) {
    FACTORIES.put(typeRef, factory::apply);
    KINDS.put(kind, typeRef);
  }

  /** The type ref of a public class, or throws if the class is not a known kind. */
  public static int typeRefOf(Class<? extends SharedType> kind) {
    Integer ref = KINDS.get(kind);
    if (ref == null) {
      throw new IllegalArgumentException("unknown shared type class " + kind.getName()
          + " (is its module on the class or module path?)");
    }
    return ref;
  }

  static SharedType createView(Branch b) {
    Function<Branch, SharedType> f = FACTORIES.get(b.typeRef);
    return f == null ? UntypedType.wrap(b) : f.apply(b);
  }

  /** Lets the engine reach the branch behind a public object. */
  public interface Accessor {
    Branch branchOf(SharedType t);
  }

  /** Set once by the public API package. */
  public static void setAccessor(Accessor a) {
    accessor = a;
  }

  public static Branch branchOf(SharedType t) {
    // set by SharedType's static initializer, which has run once any instance exists
    return accessor.branchOf(t);
  }

  /** A module that adds kinds of shared type (registered as a {@code ServiceLoader} service). */
  public interface TypeProvider {
    void register(Registrar registrar);
  }

  /** How a {@link TypeProvider} adds a kind. */
  public interface Registrar {
    <T extends SharedType> void register(int typeRef, Class<T> kind, Function<Branch, T> factory);
  }
}
