package dev.weft.crdt.internal;

/**
 * The kinds of shared type as nested-type content writes them (pinned by {@code ContentRefTest}).
 * {@link #UNKNOWN} is ours: a root whose kind no update and no caller has told us yet.
 */
public final class TypeRef {
  public static final int UNKNOWN = -1;
  public static final int ARRAY = 0;
  public static final int MAP = 1;
  public static final int TEXT = 2;
  public static final int XML_ELEMENT = 3;
  public static final int XML_FRAGMENT = 4;
  public static final int XML_HOOK = 5;
  public static final int XML_TEXT = 6;

  private TypeRef() {}

  /** Whether a type of this kind carries a name on the wire (element node name, hook name). */
  public static boolean hasName(int typeRef) {
    return typeRef == XML_ELEMENT || typeRef == XML_HOOK;
  }

  public static String name(int typeRef) {
    return switch (typeRef) {
      case ARRAY -> "Array";
      case MAP -> "Map";
      case TEXT -> "Text";
      case XML_ELEMENT -> "XmlElement";
      case XML_FRAGMENT -> "XmlFragment";
      case XML_HOOK -> "XmlHook";
      case XML_TEXT -> "XmlText";
      default -> "Unknown";
    };
  }
}
