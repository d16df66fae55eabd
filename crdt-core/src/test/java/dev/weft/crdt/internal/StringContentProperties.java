package dev.weft.crdt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Text contents against a model of plain strings, through any mix of appending, cutting and
 * copying, long enough for runs to grow in place: every content must keep reading as its model,
 * whatever is done to the others (no two may share a buffer that one of them changes).
 */
class StringContentProperties {

  /** One step: what to do, to which content, with which number and text. */
  record Step(int kind, int target, int number, String text) {}

  @Property(tries = 300)
  void contents_readAsTheirModels(@ForAll("steps") List<Step> steps) {
    List<StringContent> contents = new ArrayList<>();
    List<String> models = new ArrayList<>();
    contents.add(new StringContent("start"));
    models.add("start");
    for (Step step : steps) {
      int t = step.target() % contents.size();
      StringContent c = contents.get(t);
      String m = models.get(t);
      switch (step.kind()) {
        case 0, 1, 2 -> { // append: most steps, as when typing
          String more = StringContent.withoutLoneSurrogates(step.text());
          if (more.isEmpty()) {
            continue;
          }
          c.mergeWith(new StringContent(more));
          models.set(t, m + more);
        }
        case 3 -> { // cut
          if (m.length() < 2) {
            continue;
          }
          int at = 1 + step.number() % (m.length() - 1);
          StringContent right = (StringContent) c.splice(at);
          String left = m.substring(0, at);
          String rest = m.substring(at);
          if (Character.isHighSurrogate(left.charAt(at - 1))) {
            left = left.substring(0, at - 1) + StringContent.REPLACEMENT;
            rest = StringContent.REPLACEMENT + rest.substring(1);
          }
          models.set(t, left);
          contents.add(right);
          models.add(rest);
        }
        default -> { // copy
          contents.add((StringContent) c.copy());
          models.add(m);
        }
      }
      for (int i = 0; i < contents.size(); i++) {
        assertEquals(models.get(i), contents.get(i).string(), "content " + i);
        assertEquals(models.get(i).length(), contents.get(i).length(), "length of content " + i);
      }
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<String> text = Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(40),
        Arbitraries.strings().withCharRange('\u00c0', '\u00ff').ofMinLength(1).ofMaxLength(3),
        Arbitraries.of("\u20ac", "\uD83D\uDE00", "x\uD83D\uDE00y", "\u4e2d\u6587"));
    Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 4),
        Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 10_000), text).as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(120);
  }
}
