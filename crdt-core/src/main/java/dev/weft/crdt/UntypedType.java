package dev.weft.crdt;

import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.MapOps;
import dev.weft.crdt.internal.SequenceOps;
import java.util.List;
import java.util.Map;

/**
 * A type whose kind this replica does not know: a root that only remote updates have named, or a
 * nested kind whose module is not loaded. Its content is kept, relayed and re-encoded exactly;
 * ask the document for the root with its kind ({@link Doc#get(String, Class)}) to edit it.
 */
public final class UntypedType extends SharedType {
  private UntypedType(Branch b) {
    super(b);
  }

  /** For the engine. */
  public static UntypedType wrap(Branch b) {
    return new UntypedType(b);
  }

  /** Whether any sequence content is present (deleted or not). */
  public boolean hasSequence() {
    return branch.start != null;
  }

  /** Whether any map entry is present (deleted or not). */
  public boolean hasEntries() {
    return !branch.map.isEmpty();
  }

  /** The visible sequence values (characters of text as one-character strings). */
  public List<Object> sequence() {
    return SequenceOps.toList(branch);
  }

  /** The live map entries. */
  public Map<String, Object> entries() {
    return MapOps.entries(branch);
  }

  /** The map entries if there are any, else the sequence. */
  @Override
  public Object toJson() {
    return hasEntries() && !hasSequence() ? entries() : sequence();
  }
}
