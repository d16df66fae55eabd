package dev.weft.examples.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.Doc;
import dev.weft.crdt.encoding.Json;
import dev.weft.text.YText;
import dev.weft.transport.SessionListener;
import dev.weft.transport.SyncSession;
import dev.weft.transport.server.Access;
import dev.weft.transport.websocket.WebSocketTransport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over HTTP and WebSocket from Java clients: pages, API, headers, token checks. */
class CollabServerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private CollabServer server;

  @BeforeEach
  void start(@TempDir Path data) throws Exception {
    server = CollabServer.start(Servers.options(data));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void everyPageAndApiAnswerForbidsCaching() throws Exception {
    edit("cached", "x", server.tokens().connect("cached", Access.READ_WRITE));
    for (String path : List.of("/", "/d/cached", "/d/bad..name/x", "/d?name=cached", "/api/token?doc=cached",
        "/api/token?doc=cached&share=forged", "/api/share?doc=cached", "/api/documents", "/api/documents/cached",
        "/api/documents/missing", "/nothing")) {
      HttpResponse<String> r = get(path);
      assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null), path + " -> " + r.statusCode());
    }
  }

  @Test
  void theListShowsStoredDocumentsAndTheApiTheirText() throws Exception {
    edit("shopping", "eggs, milk", server.tokens().connect("shopping", Access.READ_WRITE));
    String list = get("/").body();
    assertTrue(list.contains("<a href=\"/d/shopping\">shopping</a>"), list);
    assertEquals(List.of(Map.of("name", "shopping", "connections", 0)), Json.parse(get("/api/documents").body()));
    Map<?, ?> doc = (Map<?, ?>) Json.parse(get("/api/documents/shopping").body());
    assertEquals("eggs, milk", doc.get("text"));
    assertEquals(404, get("/api/documents/unknown").statusCode());
  }

  @Test
  void theEditorPageIsServedForValidNamesOnly() throws Exception {
    HttpResponse<String> page = get("/d/notes-2026.v1");
    if (Browser.class.getResource(Http.WEB + "editor.js") != null) {
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("<title>notes-2026.v1 · Weft</title>"), page.body());
      assertTrue(page.body().contains("<script src=\"/assets/editor.js\">"), page.body());
      assertEquals(200, get("/assets/editor.js").statusCode());
    } else {
      assertEquals(503, page.statusCode());
      assertTrue(page.body().contains("-Dweft.skipNpm=true"), page.body());
    }
    assertEquals(404, get("/assets/index.html").statusCode(), "only the listed assets are served");
    assertEquals(404, get("/d/.hidden").statusCode());
    assertTrue(get("/d/a%2Fb").statusCode() / 100 == 4, "Jetty refuses an encoded slash; the servlet any other");
    assertEquals(400, get("/d?name=" + URLEncoder.encode("<script>", StandardCharsets.UTF_8)).statusCode());
    HttpResponse<String> redirect = get("/d?name=notes");
    assertEquals(302, redirect.statusCode());
    assertTrue(redirect.headers().firstValue("Location").orElse("").endsWith("/d/notes"));
  }

  @Test
  void theTokenEndpointGrantsWriteOrWithAShareLinkReadOnly() throws Exception {
    Map<?, ?> rw = (Map<?, ?>) Json.parse(get("/api/token?doc=plans").body());
    assertEquals("rw", rw.get("access"));
    assertEquals(Access.READ_WRITE, server.tokens().verify((String) rw.get("token"), Tokens.Kind.CONNECT).orElseThrow().access());

    String path = (String) ((Map<?, ?>) Json.parse(get("/api/share?doc=plans").body())).get("path");
    String share = path.substring(path.indexOf("share=") + 6);
    Map<?, ?> ro = (Map<?, ?>) Json.parse(get("/api/token?doc=plans&share=" + share).body());
    assertEquals("r", ro.get("access"));
    assertEquals(Access.READ_ONLY, server.tokens().verify((String) ro.get("token"), Tokens.Kind.CONNECT).orElseThrow().access());

    assertEquals(403, get("/api/token?doc=other&share=" + share).statusCode(), "a share link is for one document");
    assertEquals(403, get("/api/token?doc=plans&share=" + share.substring(0, share.length() - 2) + "AA").statusCode());
    assertEquals(400, get("/api/token?doc=..").statusCode());
  }

  @Test
  void theHandshakeTokenDecidesWhetherEditsReachTheDocument() throws Exception {
    connect("board", server.tokens().connect("board", Access.READ_WRITE), "first").close();
    assertEquals("first", server.text("board"));

    // read-only: the client's edit stays on the client, and it still receives the others' edits
    Client viewer = connect("board", server.tokens().connect("board", Access.READ_ONLY), "ignored ");
    assertEquals("ignored first", viewer.text());
    connect("board", server.tokens().connect("board", Access.READ_WRITE), " second").close();
    Eventually.await("the viewer to receive the second edit", viewer::text, "ignored first second"::equals);
    assertEquals("first second", server.text("board"));
    viewer.close();

    // no token, a token for another document, a share grant instead of a connect token: denied
    assertTrue(denied("board", null));
    assertTrue(denied("board", server.tokens().connect("elsewhere", Access.READ_WRITE)));
    assertTrue(denied("board", server.tokens().share("board")));
    assertEquals("first second", server.text("board"));
  }

  /** A Java client of one document. */
  private record Client(Doc doc, SyncSession session) implements AutoCloseable {
    String text() {
      synchronized (doc) {
        return YText.of(doc, CollabServer.TEXT).toString();
      }
    }

    @Override
    public void close() {
      session.close();
    }
  }

  /**
   * Connects with {@code token}, waits for sync, inserts {@code text} at 0 (at the end if it starts
   * with a space), and for a read-write token waits until the server has applied it.
   */
  private Client connect(String doc, String token, String text) throws Exception {
    Doc d = new Doc();
    CompletableFuture<Void> synced = new CompletableFuture<>();
    SyncSession s = SyncSession.builder(d).listener(new SessionListener() {
      @Override
      public void onSynced(SyncSession session) {
        synced.complete(null);
      }
    }).build();
    s.attach(WebSocketTransport.builder(URI.create("ws://127.0.0.1:" + server.port() + "/sync/" + doc + "?token=" + token)).connect());
    synced.get(10, TimeUnit.SECONDS);
    String expected;
    synchronized (d) {
      YText t = YText.of(d, CollabServer.TEXT);
      t.insert(text.startsWith(" ") ? t.length() : 0, text);
      expected = t.toString();
    }
    if (server.tokens().verify(token, Tokens.Kind.CONNECT).orElseThrow().access() == Access.READ_WRITE) {
      Eventually.await("the server to apply the edit", () -> server.text(doc), expected::equals);
    }
    return new Client(d, s);
  }

  private void edit(String doc, String text, String token) throws Exception {
    connect(doc, token, text).close();
  }

  private boolean denied(String doc, String token) throws Exception {
    CompletableFuture<String> denied = new CompletableFuture<>();
    SyncSession s = SyncSession.builder(new Doc()).listener(new SessionListener() {
      @Override
      public void onPermissionDenied(SyncSession session, String reason) {
        denied.complete(reason);
      }

      @Override
      public void onSynced(SyncSession session) {
        denied.completeExceptionally(new AssertionError("synced although denied"));
      }
    }).build();
    String query = token == null ? "" : "?token=" + token;
    s.attach(WebSocketTransport.builder(URI.create("ws://127.0.0.1:" + server.port() + "/sync/" + doc + query)).connect());
    try {
      return denied.get(10, TimeUnit.SECONDS).contains("permission denied");
    } finally {
      s.close();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(Servers.url(server, path))).build(), HttpResponse.BodyHandlers.ofString());
  }

}
