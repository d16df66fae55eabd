package dev.weft.examples.collab;

import dev.weft.crdt.encoding.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Small helpers shared by the servlets: responses that are never cached, JSON, HTML, resources. */
final class Http {
  /** Where the page templates, the stylesheet and the bundled editor live on the class path. */
  static final String WEB = "/dev/weft/examples/collab/web/";

  private Http() {}

  /** Pages, tokens and API answers change with every edit and may carry tokens: never cache them. */
  static void noStore(HttpServletResponse resp) {
    resp.setHeader("Cache-Control", "no-store");
    resp.setHeader("X-Content-Type-Options", "nosniff");
  }

  static void json(HttpServletResponse resp, int status, Object value) throws IOException {
    send(resp, status, "application/json", Json.stringify(value));
  }

  static void html(HttpServletResponse resp, int status, String page) throws IOException {
    send(resp, status, "text/html", page);
  }

  static void text(HttpServletResponse resp, int status, String text) throws IOException {
    send(resp, status, "text/plain", text);
  }

  private static void send(HttpServletResponse resp, int status, String type, String body) throws IOException {
    noStore(resp);
    resp.setStatus(status);
    resp.setContentType(type + ";charset=utf-8");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  /** A class-path resource under {@link #WEB}, or null if there is none. */
  static byte[] resource(String name) throws IOException {
    try (InputStream in = Http.class.getResourceAsStream(WEB + name)) {
      return in == null ? null : in.readAllBytes();
    }
  }

  /** A template under {@link #WEB} as text. */
  static String template(String name) throws IOException {
    byte[] b = resource(name);
    if (b == null) {
      throw new IOException("missing resource " + WEB + name);
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Escapes text for HTML element content and quoted attribute values. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
