package dev.weft.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.Delta;
import dev.weft.crdt.Doc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * One text against a reference model after every operation: the model is a list of units (a
 * character or an embed) with the attributes of each unit, and the text's delta, expanded to
 * units, must equal it.
 */
class TextModelPropertyTest {
  /** Attribute sets an operation may carry; null values remove, absent keys leave alone. */
  private static final List<Supplier<Map<String, Object>>> ATTRIBUTES = List.of(
      () -> TextTesting.attrs("bold", true),
      () -> TextTesting.attrs("bold", null),
      () -> TextTesting.attrs("italic", true, "bold", true),
      () -> TextTesting.attrs("color", "red"),
      () -> TextTesting.attrs("color", "blue", "italic", null),
      () -> TextTesting.attrs("color", null, "bold", null),
      () -> TextTesting.attrs("link", TextTesting.attrs("href", "a")),
      () -> TextTesting.attrs("link", TextTesting.attrs("href", "b"), "bold", true),
      () -> TextTesting.attrs("link", null),
      TextTesting::attrs);

  enum Kind { INSERT, INSERT_FORMATTED, EMBED, DELETE, FORMAT }

  record Op(Kind kind, int position, int length, String text, int attributes) {}

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<Op> op = Combinators.combine(
        Arbitraries.of(Kind.class),
        Arbitraries.integers().between(0, 10_000),
        Arbitraries.integers().between(1, 6),
        Arbitraries.of("a", "bc", "xyz", "\n", "hello"),
        Arbitraries.integers().between(0, ATTRIBUTES.size() - 1)).as(Op::new);
    return op.list().ofMinSize(1).ofMaxSize(60);
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void text_matchesTheModelAfterEveryOperation(@ForAll("operations") List<Op> ops, @ForAll boolean gc) {
    Doc doc = new Doc(1);
    doc.setGc(gc);
    YText text = YText.of(doc, "t");
    List<Object> units = new ArrayList<>();
    List<Map<String, Object>> formats = new ArrayList<>();
    for (Op op : ops) {
      int size = units.size();
      Map<String, Object> attrs = ATTRIBUTES.get(op.attributes()).get();
      switch (op.kind()) {
        case INSERT -> {
          int at = op.position() % (size + 1);
          text.insert(at, op.text());
          Map<String, Object> inherited = at == 0 ? Map.of() : formats.get(at - 1);
          insertUnits(units, formats, at, op.text(), inherited);
        }
        case INSERT_FORMATTED -> {
          int at = op.position() % (size + 1);
          text.insert(at, op.text(), attrs);
          insertUnits(units, formats, at, op.text(), withoutNulls(attrs));
        }
        case EMBED -> {
          int at = op.position() % (size + 1);
          Map<String, Object> embed = TextTesting.attrs("img", op.position());
          text.insertEmbed(at, embed, attrs);
          units.add(at, embed);
          formats.add(at, withoutNulls(attrs));
        }
        case DELETE -> {
          if (size == 0) {
            continue;
          }
          int at = op.position() % size;
          int n = Math.min(op.length(), size - at);
          text.delete(at, n);
          units.subList(at, at + n).clear();
          formats.subList(at, at + n).clear();
        }
        case FORMAT -> {
          if (size == 0 || attrs.isEmpty()) {
            continue;
          }
          int at = op.position() % size;
          int n = Math.min(op.length(), size - at);
          text.format(at, n, attrs);
          for (int i = at; i < at + n; i++) {
            Map<String, Object> f = new LinkedHashMap<>(formats.get(i));
            attrs.forEach((k, v) -> {
              if (v == null) {
                f.remove(k);
              } else {
                f.put(k, v);
              }
            });
            formats.set(i, f);
          }
        }
      }
      assertMatches(units, formats, text, op);
    }
  }

  private static void insertUnits(List<Object> units, List<Map<String, Object>> formats, int at, String s,
      Map<String, Object> attrs) {
    for (int i = 0; i < s.length(); i++) {
      units.add(at + i, String.valueOf(s.charAt(i)));
      formats.add(at + i, attrs);
    }
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> attrs) {
    Map<String, Object> out = new LinkedHashMap<>();
    attrs.forEach((k, v) -> {
      if (v != null) {
        out.put(k, v);
      }
    });
    return out;
  }

  private static void assertMatches(List<Object> units, List<Map<String, Object>> formats, YText text, Op op) {
    List<Object> actualUnits = new ArrayList<>();
    List<Map<String, Object>> actualFormats = new ArrayList<>();
    for (Delta d : text.toDelta()) {
      Delta.Insert ins = (Delta.Insert) d;
      Map<String, Object> a = ins.attributes() == null ? Map.of() : ins.attributes();
      if (ins.insert() instanceof String s) {
        for (int i = 0; i < s.length(); i++) {
          actualUnits.add(String.valueOf(s.charAt(i)));
          actualFormats.add(a);
        }
      } else {
        actualUnits.add(ins.insert());
        actualFormats.add(a);
      }
    }
    assertEquals(units, actualUnits, "units after " + op);
    assertEquals(formats, actualFormats, "formatting after " + op);
    assertEquals(units.size(), text.length(), "length after " + op);
    StringBuilder plain = new StringBuilder();
    units.forEach(u -> plain.append(u instanceof String s ? s : ""));
    assertEquals(plain.toString(), text.toString(), "plain text after " + op);
  }
}
