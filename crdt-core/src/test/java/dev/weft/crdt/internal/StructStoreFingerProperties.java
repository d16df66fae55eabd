package dev.weft.crdt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link StructStore#indexOf} guesses from the struct it found last; whatever happened to the list
 * since (structs cut in two, neighbours joined), it must answer as the plain search does.
 */
class StructStoreFingerProperties {

  @Property(tries = 300)
  void indexOf_answersAsTheSearch(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 9) Integer> lengths,
      @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 100_000) Integer> steps) {
    ArrayList<Struct> structs = new ArrayList<>();
    long clock = 0;
    for (int len : lengths) {
      structs.add(new GcStruct(1, clock, len));
      clock += len;
    }
    StructStore store = new StructStore();
    for (int step : steps) {
      long end = structs.get(structs.size() - 1).end();
      if (step % 5 == 0) { // cut a struct of length 2 or more in two
        int i = step / 5 % structs.size();
        Struct s = structs.get(i);
        if (s.length > 1) {
          int cut = 1 + step / 7 % (s.length - 1);
          structs.set(i, new GcStruct(1, s.clock, cut));
          structs.add(i + 1, new GcStruct(1, s.clock + cut, s.length - cut));
        }
      } else if (step % 5 == 1 && structs.size() > 1) { // join two neighbours
        int i = step / 5 % (structs.size() - 1);
        Struct a = structs.get(i);
        structs.set(i, new GcStruct(1, a.clock, a.length + structs.get(i + 1).length));
        structs.remove(i + 1);
      } else {
        long wanted = step % end;
        assertEquals(StructStore.findIndex(structs, wanted), store.indexOf(structs, wanted), "clock " + wanted);
        long near = Math.min(end - 1, Math.max(0, wanted + step % 11 - 5)); // then close by, as edits look
        assertEquals(StructStore.findIndex(structs, near), store.indexOf(structs, near), "clock " + near);
      }
    }
  }
}
