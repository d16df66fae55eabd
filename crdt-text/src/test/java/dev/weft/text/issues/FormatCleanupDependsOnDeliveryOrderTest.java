package dev.weft.text.issues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import dev.weft.text.YText;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Found by {@code TextProperties.textHistory_mergedInAnyOrder_orDeliveredAdversarially_rebuildsTheSameDocument}
 * (shuffled delivery). One author makes four text updates; a replica that receives the last two
 * swapped (the delete before the {@code format(1, 1, bold)}) deletes the format item 1:1 during
 * formatting cleanup, while in-order delivery keeps it. The text and delta agree, but the two
 * replicas' full states differ, and the shuffled one differs from Yjs 13.6.33, which gives the
 * same bytes for both orders:
 *
 * <pre>{@code
 * const d = new Y.Doc(); d.clientID = 1; const t = d.getText('t'); const h = []
 * d.on('update', u => h.push(u))
 * t.insert(0, 'a'); t.format(0, 1, {bold: true}); t.insert(1, 'a'); t.format(0, 1, {bold: true})
 * t.format(1, 1, {bold: true}); t.delete(0, 1)
 * // applying h[0], h[1], h[3], h[2] to a fresh doc: encodeStateAsUpdate is YJS_STATE below
 * }</pre>
 */
class FormatCleanupDependsOnDeliveryOrderTest {
  private static final String YJS_STATE =
      "01040100010101740146010004626f6c64047472756586010004626f6c64046e756c6cc40100010201610101010001";

  private static List<byte[]> history() {
    Doc author = new Doc(1);
    YText t = YText.of(author, "t");
    List<byte[]> updates = new ArrayList<>();
    author.onUpdate((u, origin, txn) -> updates.add(u));
    t.insert(0, "a");
    t.format(0, 1, Map.of("bold", true));
    t.insert(1, "a");
    t.format(0, 1, Map.of("bold", true)); // no change: emits no update
    t.format(1, 1, Map.of("bold", true));
    t.delete(0, 1);
    assertEquals(4, updates.size());
    return updates;
  }

  private static String stateAfter(List<byte[]> history, int... order) {
    Doc replica = new Doc(9);
    YText.of(replica, "t");
    for (int i : order) {
      replica.applyUpdate(history.get(i));
    }
    return HexFormat.of().formatHex(replica.encodeStateAsUpdate());
  }

  @Test
  void inOrderDelivery_matchesYjs() {
    assertEquals(YJS_STATE, stateAfter(history(), 0, 1, 2, 3));
  }

  @org.junit.jupiter.api.Disabled("Weft's remote formatting cleanup still differs from Yjs when format and delete updates arrive in this order; kept as the reproduction until it is fixed")
  @Test
  void deleteBeforeFormat_keepsTheSameFormatItems() {
    List<byte[]> h = history();
    String shuffled = stateAfter(h, 0, 1, 3, 2);
    assertEquals(YJS_STATE, shuffled,
        () -> "in order:\n" + Updates.describe(HexFormat.of().parseHex(YJS_STATE)) + "\nshuffled:\n"
            + Updates.describe(HexFormat.of().parseHex(shuffled)));
  }
}
