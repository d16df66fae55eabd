package dev.weft.crdt;

import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.EmbedContent;
import dev.weft.crdt.internal.FormatContent;
import dev.weft.crdt.internal.Item;
import dev.weft.crdt.internal.StringContent;
import dev.weft.crdt.internal.TypeContent;
import dev.weft.crdt.internal.TypeRef;
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

  /** What the content suggests this type is, for tools that must show a type nobody named. */
  public enum Guess {
    TEXT, MAP, ARRAY, XML
  }

  /**
   * Guesses the kind from the content: map entries and no sequence make a map; a sequence of text
   * (strings, embeds, formats) makes text; a sequence holding XML nodes makes XML; anything else an
   * array.
   */
  public Guess guessKind() {
    if (branch.start == null) {
      return hasEntries() ? Guess.MAP : Guess.ARRAY;
    }
    boolean text = true;
    for (Item n = branch.start; n != null; n = n.right) {
      if (n.content instanceof TypeContent tc) {
        int ref = tc.type().typeRef;
        if (ref == TypeRef.XML_ELEMENT || ref == TypeRef.XML_TEXT || ref == TypeRef.XML_HOOK) {
          return Guess.XML;
        }
        text = false;
      } else if (!(n.content instanceof StringContent || n.content instanceof EmbedContent
          || n.content instanceof FormatContent || n.deleted())) {
        text = false;
      }
    }
    return text ? Guess.TEXT : Guess.ARRAY;
  }

  /** The map entries if there are any, else the sequence. */
  @Override
  public Object toJson() {
    return hasEntries() && !hasSequence() ? entries() : sequence();
  }
}
