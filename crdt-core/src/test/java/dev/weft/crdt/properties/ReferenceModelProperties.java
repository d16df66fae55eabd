package dev.weft.crdt.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.Doc;
import dev.weft.crdt.YArray;
import dev.weft.crdt.YMap;
import dev.weft.crdt.testing.ArrayModel;
import dev.weft.crdt.testing.Canonical;
import dev.weft.crdt.testing.DocEdits;
import dev.weft.crdt.testing.DocEdits.Edit;
import dev.weft.crdt.testing.DocEdits.Models;
import dev.weft.crdt.testing.MapModel;
import dev.weft.crdt.testing.Replicas;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;

/**
 * One replica behaves exactly like a plain List (for a YArray) and a plain Map (for a YMap),
 * nested types included, after every single operation; and its full state loads into a fresh
 * document with the same content.
 */
@PropertyDefaults(edgeCases = EdgeCasesMode.NONE)
class ReferenceModelProperties {
  @Provide
  Arbitrary<List<Edit>> edits() {
    return DocEdits.edits().list().ofMinSize(1).ofMaxSize(100).withSizeDistribution(RandomDistribution.uniform());
  }

  @Property
  void document_matchesPlainListsAndMaps_afterEveryEdit(@ForAll("edits") List<Edit> edits, @ForAll boolean gc) {
    Doc doc = ConvergenceProperties.newDoc(1, gc);
    Models models = new Models();
    int step = 0;
    for (Edit e : edits) {
      DocEdits.apply(doc, e);
      DocEdits.apply(models, e);
      String after = "after edit " + step++ + ": " + e;
      assertEquals(models.content(), Replicas.content(doc), after);
      assertAccessorsAgree(models.array(), doc.getArray(DocEdits.ARRAY), after);
      assertAccessorsAgree(models.map(), doc.getMap(DocEdits.MAP), after);
    }
    Doc loaded = ConvergenceProperties.newDoc(2, gc);
    loaded.applyUpdate(doc.encodeStateAsUpdate());
    assertEquals(models.content(), Replicas.content(loaded), "loaded from encodeStateAsUpdate");
  }

  /** The same edits, all in one transaction, give the same content. */
  @Property
  void oneTransaction_givesWhatSeparateTransactionsGive(@ForAll("edits") List<Edit> edits) {
    Doc separate = ConvergenceProperties.newDoc(1, true);
    Doc together = ConvergenceProperties.newDoc(1, true);
    edits.forEach(e -> DocEdits.apply(separate, e));
    DocEdits.apply(together, edits);
    assertEquals(Replicas.content(separate), Replicas.content(together));
  }

  private static void assertAccessorsAgree(ArrayModel model, YArray array, String after) {
    assertEquals(model.length(), array.length(), "length " + after);
    for (int i = 0; i < model.length(); i++) {
      assertEquals(Canonical.of(json(model.get(i))), Canonical.of(array.get(i)), "get(" + i + ") " + after);
    }
  }

  private static void assertAccessorsAgree(MapModel model, YMap map, String after) {
    assertEquals(model.size(), map.size(), "size " + after);
    assertEquals(model.keys(), new java.util.TreeSet<>(map.keys()), "keys " + after);
    for (String k : List.of("k0", "k1", "k2", "k3", "k4", "k5", "p")) {
      assertEquals(model.has(k), map.has(k), "has(" + k + ") " + after);
      assertEquals(Canonical.of(json(model.get(k))), Canonical.of(map.get(k)), "get(" + k + ") " + after);
    }
  }

  private static Object json(Object v) {
    return v instanceof ArrayModel a ? a.toJson() : v instanceof MapModel m ? m.toJson() : v;
  }
}
