package dev.weft.text;

import dev.weft.crdt.internal.Transactions;
import dev.weft.crdt.internal.TypeRef;
import dev.weft.crdt.internal.TypeRegistry;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Adds the text and XML kinds to the engine's {@link TypeRegistry}, and the formatting cleanup
 * that runs after remote transactions. Found by {@link java.util.ServiceLoader} on the module path
 * and the class path; the text classes also register themselves when first used, so that
 * {@code YText.of(doc, name)} works however the library was loaded. Not for applications: its
 * types come from the engine's internal package, which is exported to Weft's modules only.
 */
@SuppressWarnings("exports")
public final class TextTypeProvider implements TypeRegistry.TypeProvider {
  private static final AtomicBoolean HOOKED = new AtomicBoolean();

  /** For the service loader. */
  public TextTypeProvider() {}

  @Override
  public void register(TypeRegistry.Registrar registrar) {
    registrar.register(TypeRef.TEXT, YText.class, YText::new);
    registrar.register(TypeRef.XML_TEXT, YXmlText.class, YXmlText::new);
    registrar.register(TypeRef.XML_FRAGMENT, YXmlFragment.class, YXmlFragment::new);
    registrar.register(TypeRef.XML_ELEMENT, YXmlElement.class, YXmlElement::new);
    registrar.register(TypeRef.XML_HOOK, YXmlHook.class, YXmlHook::new);
    if (HOOKED.compareAndSet(false, true)) {
      Transactions.addCleanupHook(FormattingCleanup.AFTER_TRANSACTION);
    }
  }

  /** Registers the kinds directly; harmless if the service loader already did. */
  static void ensureRegistered() {
    new TextTypeProvider().register(TypeRegistry::register);
  }
}
