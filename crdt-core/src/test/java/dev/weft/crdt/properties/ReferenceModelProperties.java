package dev.weft.crdt.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.Doc;
import dev.weft.crdt.YArray;
import dev.weft.crdt.YMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** One replica behaves exactly like a plain List and Map after every single operation. */
class ReferenceModelProperties {
  @Property
  void arrayMatchesAList(@ForAll long seed) {
    Random r = new Random(seed);
    Doc doc = new Doc(1);
    doc.setGc(r.nextBoolean());
    YArray array = doc.getArray("a");
    List<Object> model = new ArrayList<>();
    for (int step = 0; step < 60; step++) {
      int op = r.nextInt(4);
      if (op < 2 || model.isEmpty()) {
        int at = r.nextInt(model.size() + 1);
        List<Object> values = new ArrayList<>();
        for (int k = r.nextInt(3); k >= 0; k--) {
          values.add(r.nextBoolean() ? (Object) r.nextInt(100) : "s" + r.nextInt(100));
        }
        array.insert(at, values);
        model.addAll(at, values);
      } else if (op == 2) {
        int at = r.nextInt(model.size());
        int len = 1 + r.nextInt(Math.min(3, model.size() - at));
        array.delete(at, len);
        model.subList(at, at + len).clear();
      } else {
        array.push("end" + step);
        model.add("end" + step);
      }
      assertEquals(model, array.toJson(), "step " + step);
      assertEquals(model.size(), array.length(), "length at step " + step);
      if (!model.isEmpty()) {
        int i = r.nextInt(model.size());
        assertEquals(model.get(i), array.get(i), "get(" + i + ") at step " + step);
      }
    }
    Doc copy = new Doc(2);
    copy.applyUpdate(doc.encodeStateAsUpdate());
    assertEquals(model, copy.getArray("a").toJson());
  }

  @Property
  void mapMatchesAMap(@ForAll long seed) {
    Random r = new Random(seed);
    Doc doc = new Doc(1);
    YMap map = doc.getMap("m");
    Map<String, Object> model = new LinkedHashMap<>();
    for (int step = 0; step < 60; step++) {
      String key = "k" + r.nextInt(8);
      if (r.nextInt(3) == 0) {
        map.delete(key);
        model.remove(key);
      } else {
        Object v = switch (r.nextInt(4)) {
          case 0 -> r.nextInt(1000);
          case 1 -> "s" + r.nextInt(10);
          case 2 -> List.of(1, "two");
          default -> null;
        };
        map.set(key, v);
        model.put(key, v);
      }
      assertEquals(model, map.toJson(), "step " + step);
      assertEquals(model.keySet(), map.keys(), "keys at step " + step);
      assertEquals(model.containsKey(key), map.has(key));
    }
  }
}
