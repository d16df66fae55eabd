package dev.weft.examples.collab;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The HTML pages: {@code /} lists the documents, {@code /d/NAME} is the editor of document NAME
 * (a read-only link adds {@code ?share=…}), and {@code /d?name=NAME} (the list's form) redirects
 * to it.
 */
final class PagesServlet extends HttpServlet {
  private final transient CollabServer server;

  PagesServlet(CollabServer server) {
    this.server = server;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getRequestURI();
    if (path.equals("/")) {
      Http.html(resp, 200, list());
    } else if (path.equals("/d") || path.equals("/d/")) {
      String name = req.getParameter("name");
      if (!DocumentNames.isValid(name)) {
        Http.html(resp, 400, problem("Document names are 1 to 100 letters, digits, '-', '_' or '.', not starting with '.'."));
        return;
      }
      Http.noStore(resp);
      resp.sendRedirect("/d/" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    } else if (path.startsWith("/d/")) {
      String name = path.substring(3);
      if (!DocumentNames.isValid(name)) {
        Http.html(resp, 404, problem("No such document: document names are letters, digits, '-', '_' or '.'."));
        return;
      }
      if (Http.resource("editor.js") == null) {
        Http.html(resp, 503, problem("The editor's script was not bundled: this build ran with -Dweft.skipNpm=true. "
            + "Build again without it (Node and npm are needed)."));
        return;
      }
      Http.html(resp, 200, Http.template("editor.html").replace("{{name}}", Http.escape(name)));
    } else {
      Http.html(resp, 404, problem("Nothing here."));
    }
  }

  private String list() throws IOException {
    StringBuilder items = new StringBuilder();
    for (String name : server.documents()) {
      int peers = server.hub().peerCount(name);
      items.append("<li><a href=\"/d/").append(Http.escape(name)).append("\">").append(Http.escape(name)).append("</a>");
      if (peers > 0) {
        items.append(" <span class=\"peers\">").append(peers).append(peers == 1 ? " connection" : " connections")
            .append("</span>");
      }
      items.append("</li>\n");
    }
    if (items.length() == 0) {
      items.append("<li class=\"none\">No documents yet: open one below.</li>\n");
    }
    return Http.template("index.html").replace("{{documents}}", items.toString())
        .replace("{{node}}", Http.escape(Fanout.describe(server.options())));
  }

  private static String problem(String message) {
    return "<!doctype html><meta charset=\"utf-8\"><title>Weft</title><link rel=\"stylesheet\" href=\"/assets/style.css\">"
        + "<main class=\"problem\"><p>" + Http.escape(message) + "</p><p><a href=\"/\">All documents</a></p></main>\n";
  }
}
