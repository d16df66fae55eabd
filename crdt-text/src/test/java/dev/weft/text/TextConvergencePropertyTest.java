package dev.weft.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.Doc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Replicas editing one text concurrently converge: each transaction's update is queued for every
 * other replica and delivered late, out of order and sometimes twice; once everything is delivered,
 * all replicas have the same content, state vector and (after a full exchange) formatting.
 */
class TextConvergencePropertyTest {
  private static final List<Map<String, Object>> ATTRIBUTES = List.of(
      TextTesting.attrs("bold", true),
      TextTesting.attrs("bold", null),
      TextTesting.attrs("italic", true),
      TextTesting.attrs("color", "red", "italic", null),
      TextTesting.attrs("link", TextTesting.attrs("href", "x")),
      TextTesting.attrs());

  @Property(tries = 100)
  void replicas_convergeUnderReorderedDelivery(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int n) {
    Random random = new Random(seed);
    List<Doc> docs = new ArrayList<>();
    List<List<byte[]>> inboxes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Doc d = new Doc(i + 1);
      List<byte[]> inbox = new ArrayList<>();
      inboxes.add(inbox);
      docs.add(d);
    }
    for (int i = 0; i < n; i++) {
      int self = i;
      docs.get(i).onUpdate((update, origin, tx) -> {
        if (origin == null) {
          for (int k = 0; k < n; k++) {
            if (k != self) {
              inboxes.get(k).add(update);
            }
          }
        }
      });
    }
    for (int step = 0; step < 80; step++) {
      int r = random.nextInt(n);
      if (random.nextInt(5) == 0) {
        deliver(docs.get(r), inboxes.get(r), random);
      } else {
        edit(YText.of(docs.get(r), "t"), random);
      }
    }
    for (int i = 0; i < n; i++) {
      List<byte[]> inbox = inboxes.get(i);
      Collections.shuffle(inbox, random);
      for (byte[] u : new ArrayList<>(inbox)) {
        docs.get(i).applyUpdate(u, "network");
      }
      inbox.clear();
    }
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        if (i != k) {
          docs.get(k).applyUpdate(docs.get(i).encodeStateAsUpdate(docs.get(k).encodeStateVector()), "network");
        }
      }
    }
    YText first = YText.of(docs.get(0), "t");
    for (Doc d : docs.subList(1, n)) {
      assertEquals(first.toDelta(), YText.of(d, "t").toDelta(), "seed " + seed);
      assertArrayEquals(docs.get(0).encodeStateVector(), d.encodeStateVector(), "seed " + seed);
    }
  }

  private static void deliver(Doc doc, List<byte[]> inbox, Random random) {
    int k = random.nextInt(inbox.size() + 1);
    for (int i = 0; i < k && !inbox.isEmpty(); i++) {
      byte[] u = inbox.remove(random.nextInt(inbox.size()));
      doc.applyUpdate(u, "network");
      if (random.nextInt(10) == 0) {
        doc.applyUpdate(u, "network");
      }
    }
  }

  private static void edit(YText t, Random random) {
    int len = t.length();
    Map<String, Object> attrs = ATTRIBUTES.get(random.nextInt(ATTRIBUTES.size()));
    switch (random.nextInt(6)) {
      case 0, 1 -> t.insert(random.nextInt(len + 1), List.of("a", "bc", "xyz", "\n").get(random.nextInt(4)));
      case 2 -> t.insert(random.nextInt(len + 1), "fmt", attrs);
      case 3 -> {
        if (len > 0) {
          int at = random.nextInt(len);
          t.delete(at, 1 + random.nextInt(Math.min(3, len - at)));
        }
      }
      case 4 -> {
        if (len > 0) {
          int at = random.nextInt(len);
          t.format(at, 1 + random.nextInt(Math.min(4, len - at)), attrs);
        }
      }
      default -> t.insertEmbed(random.nextInt(len + 1), TextTesting.attrs("img", random.nextInt(5)));
    }
  }
}
