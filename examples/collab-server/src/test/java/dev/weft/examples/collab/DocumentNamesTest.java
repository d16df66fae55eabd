package dev.weft.examples.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.transport.server.SyncHub;
import dev.weft.transport.store.FileDocumentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentNamesTest {
  @Test
  void isValid_allowsOneUrlSegmentOfSafeCharacters() {
    for (String ok : new String[] {"notes", "Notes_2026", "a.b-c", "x", "-dash", "a".repeat(100)}) {
      assertTrue(DocumentNames.isValid(ok), ok);
    }
    for (String bad : new String[] {null, "", ".hidden", "a/b", "a b", "a|b", "a%2F", "é", "a".repeat(101), ".."}) {
      assertFalse(DocumentNames.isValid(bad), String.valueOf(bad));
    }
  }

  @Test
  void known_listsTheStoreFilesAndTheLoadedDocuments(@TempDir Path dir) throws Exception {
    try (FileDocumentStore store = new FileDocumentStore(dir); SyncHub hub = SyncHub.builder().store(store).build()) {
      for (String name : new String[] {"Mixed.Case", "plain", "with_under-dash"}) {
        store.append(name, new dev.weft.crdt.Doc().encodeStateAsUpdate());
      }
      Files.writeString(dir.resolve("not-a-log.txt"), "x");
      assertEquals(Set.of("Mixed.Case", "plain", "with_under-dash"), DocumentNames.known(dir, hub));
    }
  }

  @Test
  void unescape_undoesPercentEscapes() {
    assertEquals("A.b", DocumentNames.unescape("%41%2Eb"));
    assertNull(DocumentNames.unescape("%4"));
    assertNull(DocumentNames.unescape("%zz"));
  }
}
