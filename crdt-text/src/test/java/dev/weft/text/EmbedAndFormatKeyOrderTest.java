package dev.weft.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.Delta;
import dev.weft.crdt.Doc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Embeds and formatting values enter a text with their keys in JavaScript's property order, as
 * {@code JSON.stringify} writes them in Yjs: array-index keys first, then the others.
 */
class EmbedAndFormatKeyOrderTest {
  private static Map<String, Object> ordered(String... keys) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String k : keys) {
      m.put(k, k.length());
    }
    return m;
  }

  private static Doc edited(Map<String, Object> value) {
    Doc doc = new Doc(1);
    YText t = YText.of(doc, "t");
    t.insert(0, "ab");
    t.insertEmbed(1, value);
    t.format(0, 1, Map.of("link", value));
    return doc;
  }

  @Test
  void embedAndFormatValues_takeJavaScriptKeyOrder() {
    Doc java = edited(ordered("href", "1", "0"));
    Doc js = edited(ordered("0", "1", "href"));
    List<Delta> delta = YText.of(java, "t").toDelta();
    Delta.Insert embed = (Delta.Insert) delta.get(1);
    assertEquals(List.of("0", "1", "href"), new ArrayList<>(((Map<?, ?>) embed.insert()).keySet()));
    Map<?, ?> link = (Map<?, ?>) ((Delta.Insert) delta.get(0)).attributes().get("link");
    assertEquals(List.of("0", "1", "href"), new ArrayList<>(link.keySet()));
    assertArrayEquals(js.encodeStateAsUpdate(), java.encodeStateAsUpdate());
  }
}
