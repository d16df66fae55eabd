package dev.weft.text.differential;

import dev.weft.crdt.Delta;
import dev.weft.crdt.Doc;
import dev.weft.crdt.SharedType;
import dev.weft.crdt.YArray;
import dev.weft.crdt.YMap;
import dev.weft.crdt.encoding.Undefined;
import dev.weft.text.YText;
import dev.weft.text.YXmlElement;
import dev.weft.text.YXmlFragment;
import dev.weft.text.YXmlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random edits on a Weft document with the roots of {@link State#declareRoots}: the same kinds of
 * edit that {@code interop/differential/edits.mjs} makes on Yjs documents (text with characters
 * outside the BMP, formatting and embeds; map set and delete; array insert and delete; nested maps,
 * arrays and texts; XML elements, attributes and texts). Text positions never fall inside a
 * surrogate pair. Counts formatting and deletions, which decide whether formatting cleanup may be
 * involved.
 */
public final class WeftEdits {
  private static final List<String> STRINGS =
      List.of("a", "bc", "xyz", "\n", "é", "😀", "a𝄞b", "中文", " ", "🎉🎉", "", "hé😀");
  private static final List<String> KEYS = List.of("a", "b", "c", "d", "1", "é");
  private static final List<String> NODE_NAMES = List.of("p", "div", "span", "h1");

  private final Random random;
  /** Format operations and formatted inserts made so far. */
  public int formats;
  /** Deletions made so far. */
  public int deletes;

  public WeftEdits(Random random) {
    this.random = random;
  }

  private <T> T oneOf(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static Map<String, Object> attrs(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private Map<String, Object> attributes(boolean xml) {
    if (xml) {
      return List.of(attrs("b", true), attrs("b", null), attrs("em", attrs("class", "x")), attrs("em", null))
          .get(random.nextInt(4));
    }
    return List.of(attrs("bold", true), attrs("bold", null), attrs("italic", true), attrs("italic", null),
        attrs("color", "#f00"), attrs("color", "#0f0", "bold", true), attrs("link", attrs("href", "https://x")),
        attrs("size", 12)).get(random.nextInt(8));
  }

  /** A plain value of any kind the Yjs format knows (bigint aside). */
  Object value(int depth) {
    switch (random.nextInt(depth > 1 ? 10 : 13)) {
      case 0: return null;
      case 1: return random.nextBoolean();
      case 2: return random.nextInt(2001) - 1000;
      case 3: return oneOf(List.of(Integer.MAX_VALUE, 1L << 31, (long) Integer.MIN_VALUE, 1L << 40, (1L << 53) - 1));
      case 4: return oneOf(List.of(0.5, -2.25, 0.1, 1e21, 1.5e-7, 3.4028234663852886e38));
      case 5: case 6: return oneOf(STRINGS);
      case 7: {
        byte[] b = new byte[random.nextInt(5)];
        random.nextBytes(b);
        return b;
      }
      case 8: return Undefined.INSTANCE;
      case 9: return random.nextBoolean() ? new LinkedHashMap<>() : new ArrayList<>();
      case 10: {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          m.put(oneOf(KEYS), value(depth + 1));
        }
        return m;
      }
      default: {
        List<Object> l = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          l.add(value(depth + 1));
        }
        return l;
      }
    }
  }

  private SharedType newType() {
    switch (random.nextInt(3)) {
      case 0: {
        YMap m = new YMap();
        if (random.nextBoolean()) {
          m.set(oneOf(KEYS), value(1));
        }
        return m;
      }
      case 1: {
        YArray a = new YArray();
        if (random.nextBoolean()) {
          a.insert(0, arrayValue(value(1)));
        }
        return a;
      }
      default:
        return random.nextBoolean() ? new YText(oneOf(STRINGS)) : new YText();
    }
  }

  /** Arrays take no undefined (as in Yjs). */
  private static Object arrayValue(Object v) {
    return v instanceof Undefined ? null : v;
  }

  private Object content() {
    return random.nextInt(5) == 0 ? newType() : value(0);
  }

  /** Positions in a text (UTF-16 units, embeds count 1) that are not inside a surrogate pair. */
  static List<Integer> boundaries(YText text) {
    List<Integer> out = new ArrayList<>();
    out.add(0);
    int pos = 0;
    for (Delta d : text.toDelta()) {
      Object insert = ((Delta.Insert) d).insert();
      if (insert instanceof String s) {
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
          pos += Character.charCount(s.codePointAt(i));
          out.add(pos);
        }
      } else {
        pos += 1;
        out.add(pos);
      }
    }
    return out;
  }

  private int[] range(List<Integer> bounds) {
    int i = random.nextInt(bounds.size() - 1);
    int j = i + 1 + random.nextInt(Math.min(bounds.size() - 1, i + 4) - i);
    return new int[] {bounds.get(i), bounds.get(j) - bounds.get(i)};
  }

  private void editText(YText text, boolean xml) {
    List<Integer> bounds = boundaries(text);
    int r = random.nextInt(10);
    if (bounds.size() > 1 && r < 3) {
      int[] range = range(bounds);
      text.delete(range[0], range[1]);
      deletes++;
    } else if (bounds.size() > 1 && r < 5) {
      int[] range = range(bounds);
      text.format(range[0], range[1], attributes(xml));
      formats++;
    } else if (r == 5 && !xml) {
      Object embed = oneOf(List.of(attrs("image", "a.png"), attrs("formula", "e=mc²"), attrs("n", 1, "list", List.of(1, 2))));
      if (random.nextBoolean()) {
        text.insertEmbed(oneOf(bounds), embed, attributes(false));
        formats++;
      } else {
        text.insertEmbed(oneOf(bounds), embed);
      }
    } else if (r == 6) {
      text.insert(oneOf(bounds), oneOf(STRINGS), attributes(xml));
      formats++;
    } else {
      text.insert(oneOf(bounds), oneOf(STRINGS));
    }
  }

  /** Shared types reachable from the roots, by kind. */
  private static final class Found {
    final List<YMap> maps = new ArrayList<>();
    final List<YArray> arrays = new ArrayList<>();
    final List<YText> texts = new ArrayList<>();
    final List<YXmlFragment> xmlParents = new ArrayList<>();
    final List<YXmlElement> elements = new ArrayList<>();
    final List<YXmlText> xmlTexts = new ArrayList<>();

    void visit(Object v) {
      if (v instanceof YXmlElement e) {
        elements.add(e);
        xmlParents.add(e);
        e.toArray().forEach(this::visit);
      } else if (v instanceof YXmlText t) {
        xmlTexts.add(t);
      } else if (v instanceof YMap m) {
        maps.add(m);
        m.entries().values().forEach(this::visit);
      } else if (v instanceof YArray a) {
        arrays.add(a);
        a.toList().forEach(this::visit);
      } else if (v instanceof YText t) {
        texts.add(t);
      }
    }
  }

  /** One random edit (sometimes a few in one transaction). */
  public void edit(Doc doc) {
    int ops = random.nextInt(5) == 0 ? 2 + random.nextInt(3) : 1;
    doc.transact(txn -> {
      for (int i = 0; i < ops; i++) {
        oneEdit(doc);
      }
    });
  }

  private void oneEdit(Doc doc) {
    State.declareRoots(doc);
    YMap rootMap = doc.getMap("map");
    YArray rootArray = doc.getArray("array");
    YXmlFragment xml = YXmlFragment.of(doc, "xml");
    Found found = new Found();
    found.maps.add(rootMap);
    found.arrays.add(rootArray);
    found.xmlParents.add(xml);
    rootMap.entries().values().forEach(found::visit);
    rootArray.toList().forEach(found::visit);
    xml.toArray().forEach(found::visit);
    int kind = random.nextInt(20);
    if (kind < 7) {
      editText(YText.of(doc, "text"), false);
    } else if (kind < 10) {
      YMap m = oneOf(found.maps);
      if (m.size() > 0 && random.nextInt(4) == 0) {
        m.delete(oneOf(new ArrayList<>(m.keys())));
        deletes++;
      } else {
        m.set(oneOf(KEYS), content());
      }
    } else if (kind < 13) {
      YArray a = oneOf(found.arrays);
      if (a.length() > 0 && random.nextInt(3) == 0) {
        int at = random.nextInt(a.length());
        a.delete(at, 1 + random.nextInt(Math.min(3, a.length() - at)));
        deletes++;
      } else {
        List<Object> values = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
          values.add(arrayValue(content()));
        }
        a.insert(random.nextInt(a.length() + 1), values);
      }
    } else if (kind < 14 && !found.texts.isEmpty()) {
      editText(oneOf(found.texts), false);
    } else if (kind < 16 && !found.xmlTexts.isEmpty()) {
      editText(oneOf(found.xmlTexts), true);
    } else if (kind < 17 && !found.elements.isEmpty()) {
      YXmlElement e = oneOf(found.elements);
      if (random.nextInt(3) == 0) {
        e.removeAttribute(oneOf(KEYS));
        deletes++;
      } else {
        e.setAttribute(oneOf(KEYS), oneOf(STRINGS));
      }
    } else {
      YXmlFragment p = oneOf(found.xmlParents);
      if (p.length() > 0 && random.nextInt(3) == 0) {
        p.delete(random.nextInt(p.length()), 1);
        deletes++;
      } else {
        p.insert(random.nextInt(p.length() + 1), List.of(randomXmlNode()));
      }
    }
  }

  private SharedType randomXmlNode() {
    if (random.nextBoolean()) {
      YXmlElement e = new YXmlElement(oneOf(NODE_NAMES));
      if (random.nextBoolean()) {
        e.setAttribute(oneOf(KEYS), oneOf(STRINGS));
      }
      if (random.nextBoolean()) {
        e.insert(0, List.of(new YXmlText(oneOf(STRINGS))));
      }
      return e;
    }
    return new YXmlText(oneOf(STRINGS));
  }
}
