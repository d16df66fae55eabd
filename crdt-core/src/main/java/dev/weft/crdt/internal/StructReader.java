package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Decoder;
import dev.weft.crdt.encoding.DecodingException;
import dev.weft.crdt.encoding.DecodingException.Reason;
import dev.weft.crdt.encoding.Encoder;

/**
 * Reads the structs section of an update one struct at a time, in the order written: client
 * block after client block, each block's structs in clock order. Structs are decoded, checked and
 * not integrated: parents stay as root names or ids.
 *
 * <pre>
 * structs     := varUint(numClients) · numClients × clientBlock
 * clientBlock := varUint(numStructs) · varUint(client) · varUint(firstClock) · numStructs × struct
 * </pre>
 *
 * <p>Checks made here, so that no malformed struct reaches a document: lengths are at least one
 * and clocks stay below {@link #MAX_CLOCK}; an item never refers to its own client's history at or after its
 * own clock; content refs, type refs and nested values are well-formed.
 */
public final class StructReader {
  /**
   * The highest clock a struct may reach: 2^31 - 1, two billion edits by one client. Yjs allows
   * 2^53, but no real client gets near 2^31, and with this bound every struct length, every gap
   * between structs (written as a Skip) and every merged run fits an {@code int}, so a peer
   * cannot make lengths wrap around by naming clocks far apart.
   */
  public static final long MAX_CLOCK = Integer.MAX_VALUE;

  private final UpdateDecoder dec;
  private final boolean skipSkips;
  private int clientsLeft;
  private int structsLeft;
  private long client;
  private long clock;
  /** The struct under the cursor, or null once the structs section is read. */
  public Struct curr;

  /**
   * @param skipSkips when true, Skip structs are read but never shown in {@link #curr}
   */
  public StructReader(UpdateDecoder dec, boolean skipSkips) {
    this.dec = dec;
    this.skipSkips = skipSkips;
    this.clientsLeft = dec.readClientBlockCount();
    next();
  }

  /** Advances to the next struct; returns it, or null at the end of the structs section. */
  public Struct next() {
    do {
      curr = readOne();
    } while (skipSkips && curr instanceof SkipStruct);
    return curr;
  }

  private Struct readOne() {
    Decoder rest = dec.rest();
    while (structsLeft == 0) {
      if (clientsLeft == 0) {
        return null;
      }
      clientsLeft--;
      structsLeft = dec.readStructCount();
      client = dec.readClient();
      clock = rest.readVarUint();
    }
    structsLeft--;
    long start = rest.offset();
    if (clock >= MAX_CLOCK) {
      // checked before the struct is made: a struct's clock is an int
      throw new DecodingException(Reason.LENGTH_OUT_OF_RANGE, start,
          "struct " + client + ":" + clock + " starts past clock " + MAX_CLOCK);
    }
    int info = dec.readInfo();
    int ref = info & ContentRef.REF_MASK;
    Struct s;
    if (ref == ContentRef.GC) {
      s = new GcStruct(client, clock, dec.readLen());
    } else if (ref == ContentRef.SKIP) {
      s = new SkipStruct(client, clock, rest.readVarUintAsInt("skip length"));
    } else {
      s = readItem(info, ref, start);
    }
    if (s.length <= 0) {
      throw new DecodingException(Reason.INCONSISTENT, start, "struct of length 0 at " + s.id());
    }
    if (s.end() > MAX_CLOCK) {
      throw new DecodingException(Reason.LENGTH_OUT_OF_RANGE, start,
          "struct " + s.id() + " ends past clock " + MAX_CLOCK);
    }
    clock += s.length;
    return s;
  }

  private Item readItem(int info, int ref, long start) {
    Id origin = (info & ContentRef.HAS_ORIGIN) != 0 ? dec.readLeftId() : null;
    Id rightOrigin = (info & ContentRef.HAS_RIGHT_ORIGIN) != 0 ? dec.readRightId() : null;
    boolean cantCopyParent = (info & (ContentRef.HAS_ORIGIN | ContentRef.HAS_RIGHT_ORIGIN)) == 0;
    String rootName = null;
    Id parentId = null;
    String parentSub = null;
    if (cantCopyParent) {
      if (dec.readParentInfo()) {
        rootName = dec.readString();
      } else {
        parentId = dec.readLeftId();
      }
      if ((info & ContentRef.HAS_PARENT_SUB) != 0) {
        parentSub = dec.readString();
      }
    }
    if (ref > ContentRef.DOC) {
      throw new DecodingException(Reason.UNKNOWN_TAG, start, "unknown content ref " + ref);
    }
    Content content = Contents.read(dec, ref, start);
    checkClock(origin, start);
    checkClock(rightOrigin, start);
    checkClock(parentId, start);
    Item item = new Item(client, clock, origin, rightOrigin, content);
    item.setDecodedParent(rootName, parentId);
    item.parentSub = parentSub;
    checkOwnHistory(origin, start);
    checkOwnHistory(rightOrigin, start);
    checkOwnHistory(parentId, start);
    return item;
  }

  /** A reference past {@link #MAX_CLOCK} names a struct no update may carry. */
  private void checkClock(Id ref, long start) {
    if (ref != null && ref.clock() > MAX_CLOCK) {
      throw new DecodingException(Reason.LENGTH_OUT_OF_RANGE, start,
          "struct " + client + ":" + clock + " refers to clock " + ref.clock() + ", past " + MAX_CLOCK);
    }
  }

  private void checkOwnHistory(Id ref, long start) {
    if (ref != null && ref.client() == client && ref.clock() >= clock) {
      throw new DecodingException(Reason.INCONSISTENT, start,
          "struct " + client + ":" + clock + " refers to its own client's later clock " + ref.clock());
    }
  }
}
