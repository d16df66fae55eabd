package dev.weft.crdt.encoding;

/**
 * The tag bytes of lib0's {@code writeAny}, counting down from 127.
 *
 * <pre>
 *  tag  value        payload                  Java type on read
 *  127  undefined    -                        {@link Undefined#INSTANCE}
 *  126  null         -                        null
 *  125  integer      varInt                   Integer (Long past 32 bits)
 *  124  float32      4 bytes big-endian       Double
 *  123  float64      8 bytes big-endian       Double
 *  122  bigint       8 bytes big-endian       {@link BigInt64}
 *  121  false        -                        Boolean
 *  120  true         -                        Boolean
 *  119  string       varString                String
 *  118  object       varUint n, n x (key,any) LinkedHashMap (insertion order)
 *  117  array        varUint n, n x any       ArrayList
 *  116  Uint8Array   varUint8Array            byte[]
 * </pre>
 */
public final class AnyTag {
  public static final int UNDEFINED = 127;
  public static final int NULL = 126;
  public static final int INTEGER = 125;
  public static final int FLOAT32 = 124;
  public static final int FLOAT64 = 123;
  public static final int BIGINT = 122;
  public static final int FALSE = 121;
  public static final int TRUE = 120;
  public static final int STRING = 119;
  public static final int OBJECT = 118;
  public static final int ARRAY = 117;
  public static final int BYTES = 116;

  private AnyTag() {}
}
