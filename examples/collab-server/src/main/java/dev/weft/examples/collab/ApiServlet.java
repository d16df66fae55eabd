package dev.weft.examples.collab;

import dev.weft.transport.server.Access;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API under {@code /api}:
 * <ul>
 *   <li>{@code GET /api/token?doc=NAME[&share=GRANT]}: a connect token for the WebSocket
 *       handshake, {@code {"token", "access": "rw"|"r", "expiresInSeconds"}}; read-write unless a
 *       read-only share grant is given (an invalid one is refused with 403).
 *   <li>{@code GET /api/share?doc=NAME}: a read-only link, {@code {"path": "/d/NAME?share=…"}}.
 *   <li>{@code GET /api/documents}: {@code [{"name", "connections"}]}.
 *   <li>{@code GET /api/documents/NAME}: {@code {"name", "text", "connections"}}, the server's copy.
 * </ul>
 * This demo lets anyone who opens a document edit it; a real deployment decides here, from its
 * login session, which documents a user may read or edit. The WebSocket handshake trusts only
 * the signed token.
 */
final class ApiServlet extends HttpServlet {
  private final transient CollabServer server;

  ApiServlet(CollabServer server) {
    this.server = server;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    switch (path) {
      case "/token" -> token(req, resp);
      case "/share" -> share(req, resp);
      case "/documents" -> documents(resp);
      default -> {
        if (path.startsWith("/documents/")) {
          document(path.substring("/documents/".length()), resp);
        } else {
          Http.json(resp, 404, Map.of("error", "no such endpoint"));
        }
      }
    }
  }

  private void token(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String doc = req.getParameter("doc");
    if (!DocumentNames.isValid(doc)) {
      Http.json(resp, 400, Map.of("error", "invalid document name"));
      return;
    }
    Access access = Access.READ_WRITE;
    String share = req.getParameter("share");
    if (share != null) {
      Optional<Tokens.Grant> grant = server.tokens().verify(share, Tokens.Kind.SHARE).filter(g -> g.document().equals(doc));
      if (grant.isEmpty()) {
        Http.json(resp, 403, Map.of("error", "this link is invalid or has expired"));
        return;
      }
      access = grant.get().access();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("token", server.tokens().connect(doc, access));
    out.put("access", access == Access.READ_WRITE ? "rw" : "r");
    out.put("expiresInSeconds", server.tokens().connectTtl().getSeconds());
    Http.json(resp, 200, out);
  }

  private void share(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String doc = req.getParameter("doc");
    if (!DocumentNames.isValid(doc)) {
      Http.json(resp, 400, Map.of("error", "invalid document name"));
      return;
    }
    Http.json(resp, 200, Map.of("path", "/d/" + doc + "?share=" + server.tokens().share(doc)));
  }

  private void documents(HttpServletResponse resp) throws IOException {
    List<Object> out = new ArrayList<>();
    for (String name : server.documents()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("name", name);
      d.put("connections", server.hub().peerCount(name));
      out.add(d);
    }
    Http.json(resp, 200, out);
  }

  private void document(String name, HttpServletResponse resp) throws IOException {
    String text = server.text(name);
    if (text == null) {
      Http.json(resp, 404, Map.of("error", "no such document"));
      return;
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", name);
    d.put("text", text);
    d.put("connections", server.hub().peerCount(name));
    Http.json(resp, 200, d);
  }
}
