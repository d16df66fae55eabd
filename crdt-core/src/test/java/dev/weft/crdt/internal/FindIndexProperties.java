package dev.weft.crdt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link StructStore#findIndex} guesses from the clocks and {@link StructStore#findIndexFrom}
 * gallops from a given struct, so both are held to a plain scan over lists whose struct lengths are
 * alike, wildly unequal, or alike but for a few giants, for every clock in them (galloping from
 * anywhere, before or past the answer) and the first clock past them.
 */
class FindIndexProperties {

  @Property(tries = 300)
  void findsTheStructHoldingEveryClock(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int count,
      @ForAll @IntRange(min = 0, max = 2) int shape) {
    Random random = new Random(seed);
    ArrayList<Struct> structs = new ArrayList<>();
    long clock = 0;
    for (int i = 0; i < count; i++) {
      int length = switch (shape) {
        case 0 -> 1 + random.nextInt(8);
        case 1 -> 1 + (int) Math.pow(10, random.nextInt(7)) * (1 + random.nextInt(3));
        default -> random.nextInt(20) == 0 ? 1_000_000 : 1;
      };
      structs.add(new GcStruct(1, clock, length));
      clock += length;
    }
    List<Long> clocks = new ArrayList<>();
    for (Struct s : structs) { // each struct's first, last and a middle clock
      clocks.add((long) s.clock);
      clocks.add(s.end() - 1);
      clocks.add((long) s.clock + random.nextInt(s.length));
    }
    for (long c : clocks) {
      assertEquals(scan(structs, c), StructStore.findIndex(structs, c), "clock " + c);
      int from = random.nextInt(structs.size() + 1); // before, at or past the answer
      assertEquals(scan(structs, c), StructStore.findIndexFrom(structs, c, from), "clock " + c + " from " + from);
    }
    long end = clock;
    assertThrows(IllegalStateException.class, () -> StructStore.findIndex(structs, end));
    assertThrows(IllegalStateException.class, () -> StructStore.findIndexFrom(structs, end, structs.size() - 1));
  }

  private static int scan(List<Struct> structs, long clock) {
    for (int i = 0; i < structs.size(); i++) {
      if (structs.get(i).clock <= clock && clock < structs.get(i).end()) {
        return i;
      }
    }
    throw new AssertionError("no struct holds " + clock);
  }
}
