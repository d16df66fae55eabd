package dev.weft.crdt.internal;

/**
 * The wire constants of a struct's info byte, pinned by {@code ContentRefTest}.
 *
 * <pre>
 *   bit  7      6           5          4..0
 *      +------+-----------+----------+-------------+
 *      |origin|rightOrigin|parentSub | content ref |
 *      +------+-----------+----------+-------------+
 * </pre>
 *
 * <p>Content refs 1 to 9 make an {@code Item}; 0 is a GC struct and 10 a Skip struct. When neither
 * origin bit is set, the parent (a root name or the id of the item holding a nested type) and the
 * parentSub follow; otherwise the receiver copies them from the neighbour.
 */
public final class ContentRef {
  public static final int GC = 0;
  public static final int DELETED = 1;
  public static final int JSON = 2;
  public static final int BINARY = 3;
  public static final int STRING = 4;
  public static final int EMBED = 5;
  public static final int FORMAT = 6;
  public static final int TYPE = 7;
  public static final int ANY = 8;
  public static final int DOC = 9;
  public static final int SKIP = 10;

  /** Mask of the content ref in the info byte. */
  public static final int REF_MASK = 0x1f;
  /** Info bit: a parentSub (map key) follows the parent. */
  public static final int HAS_PARENT_SUB = 0x20;
  /** Info bit: a right origin follows. */
  public static final int HAS_RIGHT_ORIGIN = 0x40;
  /** Info bit: an origin follows. */
  public static final int HAS_ORIGIN = 0x80;

  private ContentRef() {}
}
