package dev.weft.crdt.encoding;

import dev.weft.crdt.encoding.DecodingException.Reason;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as JavaScript's {@code JSON.stringify} and {@code JSON.parse} do it, for the places where
 * the Yjs formats embed JSON text (embeds, format attributes, legacy JSON content, awareness
 * states). Values use the same Java types as {@link Decoder#readAny()}.
 *
 * <p>Numbers print as JavaScript prints them, so that a value Yjs wrote is written back with the
 * same bytes: integers without a fraction, {@code 1e21} rather than {@code 1.0E21}.
 */
public final class Json {
  private static final int MAX_DEPTH = 256;

  private Json() {}

  /** Serialises a JSON-like value; {@link Undefined} becomes {@code "undefined"} at the top level. */
  public static String stringify(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Undefined) {
      sb.append("undefined");
    } else if (v instanceof String s) {
      quote(sb, s);
    } else if (v instanceof Boolean b) {
      sb.append(b.booleanValue());
    } else if (v instanceof BigInt64 big) {
      sb.append(big.value());
    } else if (v instanceof Number n) {
      sb.append(number(n));
    } else if (v instanceof Map<?, ?> map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() instanceof Undefined) {
          continue;
        }
        if (!first) {
          sb.append(',');
        }
        first = false;
        quote(sb, String.valueOf(e.getKey()));
        sb.append(':');
        write(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof List<?> list) {
      sb.append('[');
      Iterator<?> it = list.iterator();
      while (it.hasNext()) {
        Object o = it.next();
        write(sb, o instanceof Undefined ? null : o);
        if (it.hasNext()) {
          sb.append(',');
        }
      }
      sb.append(']');
    } else if (v instanceof byte[] bytes) {
      // JSON.stringify(Uint8Array) gives an object keyed by index.
      sb.append('{');
      for (int i = 0; i < bytes.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append('"').append(i).append("\":").append(bytes[i] & 0xff);
      }
      sb.append('}');
    } else {
      quote(sb, v.toString());
    }
  }

  /** Formats a number as JavaScript's {@code Number.prototype.toString} does. */
  public static String number(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return Long.toString(n.longValue());
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "null";
    }
    if (d == 0) {
      return "0";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      return new java.math.BigDecimal(d).toPlainString();
    }
    String s = Double.toString(Math.abs(d));
    String sign = d < 0 ? "-" : "";
    int e = s.indexOf('E');
    if (e < 0) {
      return sign + s;
    }
    String mantissa = s.substring(0, e);
    int exp = Integer.parseInt(s.substring(e + 1));
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    if (exp >= -7 && exp < 21) {
      return sign + new java.math.BigDecimal(s).toPlainString();
    }
    return sign + mantissa + "e" + (exp > 0 ? "+" : "") + exp;
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          boolean loneSurrogate = Character.isSurrogate(c)
              && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
              && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
          if (c < 0x20 || loneSurrogate) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /**
   * Parses JSON text. Also accepts the bare word {@code undefined}, which Yjs writes for an
   * undefined value in legacy JSON content.
   *
   * @throws DecodingException with reason {@link Reason#BAD_JSON} if the text is not JSON
   */
  public static Object parse(String text) {
    Parser p = new Parser(text);
    p.skipWs();
    if (text.startsWith("undefined", p.i) && text.substring(p.i + 9).isBlank()) {
      return Undefined.INSTANCE;
    }
    Object v = p.value(0);
    p.skipWs();
    if (p.i != text.length()) {
      throw p.fail("trailing characters");
    }
    return v;
  }

  private static final class Parser {
    final String s;
    int i;

    Parser(String s) {
      this.s = s;
    }

    DecodingException fail(String why) {
      return new DecodingException(Reason.BAD_JSON, i, why + " in JSON text");
    }

    void skipWs() {
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
        i++;
      }
    }

    Object value(int depth) {
      if (depth > MAX_DEPTH) {
        throw fail("nesting too deep");
      }
      skipWs();
      if (i >= s.length()) {
        throw fail("unexpected end");
      }
      char c = s.charAt(i);
      switch (c) {
        case '{': {
          i++;
          Map<String, Object> map = new LinkedHashMap<>();
          skipWs();
          if (i < s.length() && s.charAt(i) == '}') {
            i++;
            return map;
          }
          while (true) {
            skipWs();
            if (i >= s.length() || s.charAt(i) != '"') {
              throw fail("expected a key");
            }
            String key = string();
            skipWs();
            expect(':');
            map.put(key, value(depth + 1));
            skipWs();
            if (i < s.length() && s.charAt(i) == ',') {
              i++;
            } else {
              expect('}');
              return map;
            }
          }
        }
        case '[': {
          i++;
          List<Object> list = new ArrayList<>();
          skipWs();
          if (i < s.length() && s.charAt(i) == ']') {
            i++;
            return list;
          }
          while (true) {
            list.add(value(depth + 1));
            skipWs();
            if (i < s.length() && s.charAt(i) == ',') {
              i++;
            } else {
              expect(']');
              return list;
            }
          }
        }
        case '"':
          return string();
        case 't':
          word("true");
          return Boolean.TRUE;
        case 'f':
          word("false");
          return Boolean.FALSE;
        case 'n':
          word("null");
          return null;
        default:
          return number();
      }
    }

    void expect(char c) {
      if (i >= s.length() || s.charAt(i) != c) {
        throw fail("expected '" + c + "'");
      }
      i++;
    }

    void word(String w) {
      if (!s.startsWith(w, i)) {
        throw fail("unexpected token");
      }
      i += w.length();
    }

    String string() {
      i++;
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (i >= s.length()) {
          throw fail("unterminated string");
        }
        char c = s.charAt(i++);
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\') {
          if (i >= s.length()) {
            throw fail("unterminated escape");
          }
          char e = s.charAt(i++);
          switch (e) {
            case '"', '\\', '/' -> sb.append(e);
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
              if (i + 4 > s.length()) {
                throw fail("bad unicode escape");
              }
              try {
                sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              } catch (NumberFormatException ex) {
                throw fail("bad unicode escape");
              }
              i += 4;
            }
            default -> throw fail("bad escape");
          }
        } else if (c < 0x20) {
          throw fail("control character in string");
        } else {
          sb.append(c);
        }
      }
    }

    Object number() {
      int start = i;
      if (i < s.length() && s.charAt(i) == '-') {
        i++;
      }
      boolean fraction = false;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') {
          i++;
        } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
          fraction = true;
          i++;
        } else {
          break;
        }
      }
      String t = s.substring(start, i);
      if (t.isEmpty() || t.equals("-")) {
        throw fail("unexpected token");
      }
      try {
        if (!fraction && t.length() < 16) {
          long l = Long.parseLong(t);
          return l == (int) l ? (Object) (int) l : (Object) l;
        }
        double d = Double.parseDouble(t);
        if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE && !(d == 0 && t.startsWith("-"))) {
          return (int) d;
        }
        return d;
      } catch (NumberFormatException ex) {
        throw fail("bad number");
      }
    }
  }
}
