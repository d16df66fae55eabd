package dev.weft.examples.collab;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * {@code /assets/NAME}: the stylesheet and the bundled editor script from the class path. Only
 * the listed files are served; browsers revalidate them on each load.
 */
final class AssetsServlet extends HttpServlet {
  private static final Map<String, String> FILES = Map.of(
      "editor.js", "text/javascript;charset=utf-8",
      "style.css", "text/css;charset=utf-8");

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    String type = FILES.get(name);
    byte[] body = type == null ? null : Http.resource(name);
    if (body == null) {
      Http.text(resp, 404, "no such asset\n");
      return;
    }
    resp.setHeader("Cache-Control", "no-cache");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setContentType(type);
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
