package dev.weft.examples.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.encoding.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor in real headless Chromium pages (CodeMirror 6, yjs, y-websocket, y-codemirror.next
 * as bundled into the server) against a server started in this JVM; the server's copy of each
 * document is read on the server.
 */
class CollabEditorBrowserTest {
  private static Browser browser;

  @BeforeAll
  static void startBrowser() throws Exception {
    String missing = Browser.unavailable();
    Assumptions.assumeTrue(missing == null, () -> "browser tests skipped: " + missing);
    browser = Browser.start();
  }

  @AfterEach
  void closePages() throws Exception {
    browser.closeAllPages();
  }

  @AfterAll
  static void stopBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void twoPagesTypingAtOnceConvergeToOneText(@TempDir Path data) throws Exception {
    try (CollabServer server = CollabServer.start(Servers.options(data))) {
      int alice = openSynced(server, "/d/together?user=Alice");
      int bob = openSynced(server, "/d/together?user=Bob");
      Map<Integer, String> edits = new LinkedHashMap<>();
      edits.put(alice, "alice types this line. ");
      edits.put(bob, "BOB TYPES THAT ONE! ");
      browser.typeAtOnce(edits);

      String text = converged(server, "together", alice, bob);
      assertEquals(edits.get(alice).length() + edits.get(bob).length(), text.length(), text);
      assertTrue(isSubsequence(edits.get(alice), text), text);
      assertTrue(isSubsequence(edits.get(bob), text), text);
    }
  }

  @Test
  void aLatePageSeesTheWholeDocumentAndWhoIsThere(@TempDir Path data) throws Exception {
    try (CollabServer server = CollabServer.start(Servers.options(data))) {
      int alice = openSynced(server, "/d/late?user=Alice");
      int bob = openSynced(server, "/d/late?user=Bob");
      browser.type(alice, "First line by Alice.\n");
      browser.type(bob, "Second line by Bob.");
      String text = converged(server, "late", alice, bob);

      int carol = openSynced(server, "/d/late?user=Carol");
      Browser.View view = Eventually.await("Carol to see the text and both cursors", () -> browser.inspect(carol),
          v -> text.equals(v.text()) && v.others().containsAll(java.util.List.of("Alice", "Bob"))
              && v.carets().containsAll(java.util.List.of("Alice", "Bob")));
      assertTrue(view.peersShown().contains("Carol (you)"), view.toString());
      assertTrue(view.peersShown().containsAll(java.util.List.of("Alice", "Bob")), view.toString());
      Eventually.await("Alice to see Carol", () -> browser.inspect(alice), v -> v.others().contains("Carol"));
    }
  }

  @Test
  void pagesReconnectAfterARestartWithTheDocumentIntact(@TempDir Path data) throws Exception {
    CollabServer first = CollabServer.start(Servers.options(data));
    int port = first.port();
    int alice;
    int bob;
    String before;
    try (first) {
      alice = openSynced(first, "/d/durable?user=Alice");
      bob = openSynced(first, "/d/durable?user=Bob");
      browser.type(alice, "Written before the restart by Alice. ");
      browser.type(bob, "And by Bob.");
      before = converged(first, "durable", alice, bob);
    }
    Eventually.await("pages to notice the server is gone", () -> browser.inspect(alice), v -> !v.synced());
    browser.type(alice, " Typed while offline.");

    try (CollabServer second = CollabServer.start(Servers.options(data).withPort(port))) {
      assertEquals(before, second.text("durable"), "the restarted server loads the document from disk");
      String after = converged(second, "durable", alice, bob);
      assertTrue(after.contains("Typed while offline."), after);
      assertEquals(before.length() + " Typed while offline.".length(), after.length(), after);
      int carol = openSynced(second, "/d/durable?user=Carol");
      assertEquals(after, browser.inspect(carol).text());
    }
  }

  @Test
  void aReadOnlyLinkCannotChangeTheDocument(@TempDir Path data) throws Exception {
    try (CollabServer server = CollabServer.start(Servers.options(data))) {
      int writer = openSynced(server, "/d/guarded?user=Writer");
      browser.type(writer, "Only the writer edits this.");
      String original = converged(server, "guarded", writer);

      HttpClient http = HttpClient.newHttpClient();
      String body = http.send(HttpRequest.newBuilder(URI.create(Servers.url(server, "/api/share?doc=guarded"))).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      String sharePath = (String) ((Map<?, ?>) Json.parse(body)).get("path");
      int viewer = openSynced(server, sharePath + "&user=Viewer");
      Browser.View v = browser.inspect(viewer);
      assertTrue(v.readOnly(), v.toString());
      assertEquals(original, v.text());

      browser.type(viewer, "typed by the viewer");
      assertEquals(original, browser.inspect(viewer).text(), "the read-only editor takes no keys");
      // a client that ignores read-only: its own copy changes, the server drops the update
      assertTrue(browser.insertDirect(viewer, "FORGED ").startsWith("FORGED "));

      browser.type(writer, " Later edit.");
      String later = original + " Later edit.";
      Eventually.await("the viewer to receive the later edit", () -> browser.inspect(viewer).text(),
          t -> t.contains("Later edit."));
      Eventually.await("the writer's page to hold the later edit", () -> browser.inspect(writer).text(), later::equals);
      assertEquals(later, Eventually.await("the server's copy", () -> server.text("guarded"), later::equals));
      assertFalse(server.text("guarded").contains("FORGED"));
      assertFalse(browser.inspect(writer).text().contains("FORGED"));
    }
  }

  /** Opens a page and waits until it is synced with the server. */
  static int openSynced(CollabServer server, String path) throws Exception {
    int page = browser.open(Servers.url(server, path));
    Eventually.await("page " + path + " to sync", () -> browser.inspect(page), v -> v.ready() && v.synced());
    return page;
  }

  /** Waits until every page and the server hold the same text, and returns it. */
  static String converged(CollabServer server, String doc, int... pages) throws Exception {
    return Eventually.await("pages " + java.util.Arrays.toString(pages) + " and the server to agree on " + doc, () -> {
      String serverText = server.text(doc);
      for (int p : pages) {
        Browser.View v = browser.inspect(p);
        if (!v.synced() || !v.text().equals(serverText)) {
          return null;
        }
      }
      return serverText;
    }, t -> t != null && !t.isEmpty());
  }

  static boolean isSubsequence(String part, String whole) {
    int i = 0;
    for (int j = 0; j < whole.length() && i < part.length(); j++) {
      if (whole.charAt(j) == part.charAt(i)) {
        i++;
      }
    }
    return i == part.length();
  }
}
