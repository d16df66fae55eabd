package dev.weft.examples.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server nodes, each with its own data directory, sharing documents through a real
 * redis-server; pages connected to different nodes edit one document.
 */
class MultiNodeBrowserTest {
  @Test
  void pagesOnTwoNodesEditOneDocument(@TempDir Path dataA, @TempDir Path dataB) throws Exception {
    String missing = Browser.unavailable();
    Assumptions.assumeTrue(missing == null, () -> "browser tests skipped: " + missing);
    Assumptions.assumeTrue(RedisProcess.installed(), "redis-server is missing (.ci/install-redis installs it)");
    try (RedisProcess redis = RedisProcess.start();
        CollabServer a = CollabServer.start(Servers.redis(dataA, "node-a", redis.uri()));
        CollabServer b = CollabServer.start(Servers.redis(dataB, "node-b", redis.uri()));
        Browser browser = Browser.start()) {
      int alice = open(browser, a, "/d/shared?user=Alice");
      int bob = open(browser, b, "/d/shared?user=Bob");
      Map<Integer, String> edits = new LinkedHashMap<>();
      edits.put(alice, "Alice on node A. ");
      edits.put(bob, "Bob on node B. ");
      browser.typeAtOnce(edits);

      String text = Eventually.await("both pages and both nodes to agree", () -> {
        String ta = a.text("shared");
        boolean same = ta != null && ta.equals(b.text("shared"))
            && ta.equals(browser.inspect(alice).text()) && ta.equals(browser.inspect(bob).text());
        return same ? ta : null;
      }, t -> t != null && t.length() == edits.get(alice).length() + edits.get(bob).length());
      assertTrue(CollabEditorBrowserTest.isSubsequence(edits.get(alice), text), text);
      assertTrue(CollabEditorBrowserTest.isSubsequence(edits.get(bob), text), text);

      // presence crosses nodes too
      Eventually.await("Alice to see Bob's cursor", () -> browser.inspect(alice), v -> v.carets().contains("Bob"));
      Eventually.await("Bob to see Alice's cursor", () -> browser.inspect(bob), v -> v.carets().contains("Alice"));

      // a late page on node B gets what was typed on node A
      browser.type(alice, "More from A.");
      int carol = open(browser, b, "/d/shared?user=Carol");
      String expected = text + "More from A.";
      assertEquals(expected, Eventually.await("Carol on node B", () -> browser.inspect(carol).text(), expected::equals));
    }
  }

  private static int open(Browser browser, CollabServer server, String path) throws Exception {
    int page = browser.open(Servers.url(server, path));
    Eventually.await("page " + path + " to sync", () -> browser.inspect(page), v -> v.ready() && v.synced());
    return page;
  }
}
