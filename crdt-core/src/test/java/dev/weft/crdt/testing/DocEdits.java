package dev.weft.crdt.testing;

import dev.weft.crdt.Doc;
import dev.weft.crdt.YArray;
import dev.weft.crdt.YMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random edits of a document's root array {@value #ARRAY} and root map {@value #MAP} and of the
 * types nested in them, as plain data that jqwik generates and shrinks. An edit names its target
 * by index into the document's live shared types (roots first, then nested types depth first:
 * arrays by position, maps by sorted key), so the same edit resolves the same way on a document
 * and on its reference model ({@link #apply(Models, Edit)}).
 */
public final class DocEdits {
  public static final String ARRAY = "array";
  public static final String MAP = "map";

  private DocEdits() {}

  /**
   * One edit. {@code action} picks the operation for the target's kind, {@code position} the
   * index or key, {@code length} a count, {@code value} the value inserted.
   */
  public record Edit(int target, int action, int position, int length, int value) {}

  /** The reference models of the two roots. */
  public record Models(ArrayModel array, MapModel map) {
    public Models() {
      this(new ArrayModel(), new MapModel());
    }

    /** The content by root name, as {@link Replicas#content} gives it for a document. */
    public Map<String, String> content() {
      Map<String, String> out = new LinkedHashMap<>();
      out.put(ARRAY, Canonical.of(array.toJson()));
      out.put(MAP, Canonical.of(map.toJson()));
      return out;
    }
  }

  public static Arbitrary<Edit> edits() {
    return Combinators.combine(
        Arbitraries.integers().between(0, 7),
        Arbitraries.integers().between(0, 11),
        Arbitraries.integers().between(0, 1000),
        Arbitraries.integers().between(0, 4),
        Arbitraries.integers().between(0, 1000)).as(Edit::new);
  }

  /** Transactions of one to four edits. */
  public static Arbitrary<List<Edit>> transactions() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, edits().list().ofSize(1)),
        net.jqwik.api.Tuple.of(1, edits().list().ofMinSize(2).ofMaxSize(4)));
  }

  /** Declares both roots, so every replica knows their kinds before any update arrives. */
  public static void declareRoots(Doc doc) {
    doc.getArray(ARRAY);
    doc.getMap(MAP);
  }

  /** Applies the edits as one transaction. */
  public static void apply(Doc doc, List<Edit> transaction) {
    if (transaction.size() == 1) {
      apply(doc, transaction.get(0));
    } else {
      doc.transact(t -> transaction.forEach(e -> apply(doc, e)));
    }
  }

  /** Applies one edit to the document. */
  public static void apply(Doc doc, Edit e) {
    List<Object> targets = new ArrayList<>();
    collect(doc.getArray(ARRAY), targets);
    collect(doc.getMap(MAP), targets);
    Object target = targets.get(e.target() % targets.size());
    if (target instanceof YArray a) {
      int size = a.length();
      switch (arrayAction(e, size)) {
        case INSERT -> a.insert(e.position() % (size + 1), values(e));
        case INSERT_NESTED -> a.insert(e.position() % (size + 1), nested(e.value()));
        case DELETE -> a.delete(e.position() % size, deleteLength(e, size));
        case PUSH -> a.push(scalar(e.value()));
        case UNSHIFT -> a.unshift(scalar(e.value()));
        default -> throw new IllegalStateException();
      }
    } else {
      YMap m = (YMap) target;
      String key = key(e);
      switch (mapAction(e)) {
        case SET -> m.set(key, scalar(e.value()));
        case SET_NESTED -> m.set(key, nested(e.value()));
        case DELETE -> m.delete(key);
        case CLEAR -> m.clear();
        default -> throw new IllegalStateException();
      }
    }
  }

  /** Applies one edit to the models, exactly as {@link #apply(Doc, Edit)} to a document. */
  public static void apply(Models models, Edit e) {
    List<Object> targets = new ArrayList<>();
    collect(models.array(), targets);
    collect(models.map(), targets);
    Object target = targets.get(e.target() % targets.size());
    if (target instanceof ArrayModel a) {
      int size = a.length();
      switch (arrayAction(e, size)) {
        case INSERT -> a.insert(e.position() % (size + 1), values(e));
        case INSERT_NESTED -> a.insert(e.position() % (size + 1), List.of(nestedModel(e.value())));
        case DELETE -> a.delete(e.position() % size, deleteLength(e, size));
        case PUSH -> a.push(scalar(e.value()));
        case UNSHIFT -> a.insert(0, java.util.Collections.singletonList(scalar(e.value())));
        default -> throw new IllegalStateException();
      }
    } else {
      MapModel m = (MapModel) target;
      String key = key(e);
      switch (mapAction(e)) {
        case SET -> m.set(key, scalar(e.value()));
        case SET_NESTED -> m.set(key, nestedModel(e.value()));
        case DELETE -> m.delete(key);
        case CLEAR -> m.clear();
        default -> throw new IllegalStateException();
      }
    }
  }

  private enum Action { INSERT, INSERT_NESTED, DELETE, PUSH, UNSHIFT, SET, SET_NESTED, CLEAR }

  private static Action arrayAction(Edit e, int size) {
    Action a = switch (e.action() % 6) {
      case 0, 1 -> Action.INSERT;
      case 2, 3 -> Action.DELETE;
      case 4 -> e.value() % 3 == 0 ? Action.INSERT_NESTED : Action.PUSH;
      default -> Action.UNSHIFT;
    };
    return a == Action.DELETE && size == 0 ? Action.INSERT : a;
  }

  private static Action mapAction(Edit e) {
    return switch (e.action() % 6) {
      case 0, 1, 2 -> Action.SET;
      case 3 -> Action.SET_NESTED;
      case 4 -> Action.DELETE;
      default -> e.value() % 4 == 0 ? Action.CLEAR : Action.DELETE;
    };
  }

  private static int deleteLength(Edit e, int size) {
    int at = e.position() % size;
    return 1 + e.length() % Math.min(3, size - at);
  }

  private static String key(Edit e) {
    return "k" + e.position() % 6;
  }

  private static List<Object> values(Edit e) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i <= e.length() % 3; i++) {
      out.add(scalar(e.value() + i));
    }
    return out;
  }

  /** A JSON-like value of one of the kinds the wire format carries. */
  public static Object scalar(int v) {
    return switch (v % 9) {
      case 0 -> v;
      case 1 -> v % 3 == 0 ? "s" + v + "\uD83D\uDE00" : "s" + v;
      case 2 -> v % 2 == 0;
      case 3 -> null;
      case 4 -> v + 0.5;
      case 5 -> List.of(v, "x");
      case 6 -> Map.of("a", v);
      case 7 -> new byte[] {(byte) v, 7};
      default -> -v;
    };
  }

  private static Object nested(int v) {
    if (v % 2 == 0) {
      YMap m = new YMap();
      m.set("p", v);
      return m;
    }
    YArray a = new YArray();
    a.push(v);
    return a;
  }

  private static Object nestedModel(int v) {
    if (v % 2 == 0) {
      MapModel m = new MapModel();
      m.set("p", v);
      return m;
    }
    ArrayModel a = new ArrayModel();
    a.push(v);
    return a;
  }

  private static void collect(Object type, List<Object> out) {
    out.add(type);
    if (type instanceof YArray a) {
      a.toList().forEach(v -> nestedIn(v, out));
    } else if (type instanceof YMap m) {
      new TreeSet<>(m.keys()).forEach(k -> nestedIn(m.get(k), out));
    } else if (type instanceof ArrayModel a) {
      a.items().forEach(v -> nestedIn(v, out));
    } else if (type instanceof MapModel m) {
      m.keys().forEach(k -> nestedIn(m.get(k), out));
    }
  }

  private static void nestedIn(Object v, List<Object> out) {
    if (v instanceof YArray || v instanceof YMap || v instanceof ArrayModel || v instanceof MapModel) {
      collect(v, out);
    }
  }
}
