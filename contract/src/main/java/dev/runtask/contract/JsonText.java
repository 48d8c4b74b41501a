package dev.runtask.contract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON subset the manifest and the runtime's log lines need, read into maps, lists,
 * strings, numbers, booleans and nulls, and written back indented (manifest) or on one line (log).
 * Hand-written because the contract module ships in both jars and must depend on nothing; it is not
 * a general JSON library.
 */
final class JsonText {
  private final String text;
  private final String source;
  private int at;

  private JsonText(String text, String source) {
    this.text = text;
    this.source = source;
  }

  /** The value {@code text} holds; {@code source} names it in errors. */
  static Object parse(String text, String source) {
    JsonText parser = new JsonText(text, source);
    Object value = parser.value();
    parser.skipSpace();
    if (parser.at < text.length()) {
      throw parser.error("unexpected text after the JSON value");
    }
    return value;
  }

  private Object value() {
    skipSpace();
    if (at >= text.length()) {
      throw error("unexpected end of input");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> object = new LinkedHashMap<>();
    at++;
    skipSpace();
    if (peek() == '}') {
      at++;
      return object;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("expected a quoted key");
      }
      String key = string();
      skipSpace();
      expect(':');
      if (object.containsKey(key)) {
        throw error("duplicate key \"" + key + "\"");
      }
      object.put(key, value());
      skipSpace();
      if (peek() == ',') {
        at++;
      } else {
        expect('}');
        return object;
      }
    }
  }

  private List<Object> array() {
    List<Object> array = new ArrayList<>();
    at++;
    skipSpace();
    if (peek() == ']') {
      at++;
      return array;
    }
    while (true) {
      array.add(value());
      skipSpace();
      if (peek() == ',') {
        at++;
      } else {
        expect(']');
        return array;
      }
    }
  }

  private String string() {
    at++;
    StringBuilder out = new StringBuilder();
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\') {
        out.append(escape());
      } else if (c < 0x20) {
        throw error("control character in a string");
      } else {
        out.append(c);
      }
    }
    throw error("unterminated string");
  }

  private char escape() {
    if (at >= text.length()) {
      throw error("unterminated string");
    }
    char c = text.charAt(at++);
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> {
        if (at + 4 > text.length()) {
          throw error("short \\u escape");
        }
        try {
          char decoded = (char) Integer.parseInt(text.substring(at, at + 4), 16);
          at += 4;
          yield decoded;
        } catch (NumberFormatException e) {
          throw error("bad \\u escape");
        }
      }
      default -> throw error("unknown escape \\" + c);
    };
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw error("unexpected character '" + text.charAt(at) + "'");
    }
    at += word.length();
    return value;
  }

  private BigDecimal number() {
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    try {
      return new BigDecimal(text.substring(start, at));
    } catch (NumberFormatException e) {
      at = start;
      throw error("unexpected character '" + text.charAt(start) + "'");
    }
  }

  private void skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private char peek() {
    if (at >= text.length()) {
      throw error("unexpected end of input");
    }
    return text.charAt(at);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    at++;
  }

  private ManifestFormatException error(String message) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < Math.min(at, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new ManifestFormatException(source + ":" + line + ":" + column + ": " + message);
  }

  /** {@code value} (maps, lists, strings, booleans, numbers, null) as indented JSON. */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, "", out);
    return out.toString();
  }

  private static void write(Object value, String indent, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      String inner = indent + "  ";
      out.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(inner);
        quote(String.valueOf(e.getKey()), out);
        out.append(": ");
        write(e.getValue(), inner, out);
        out.append(++i < map.size() ? ",\n" : "\n");
      }
      out.append(indent).append('}');
    } else if (value instanceof List<?> list) {
      boolean simple = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
      if (simple) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          write(list.get(i), indent, out);
          out.append(i + 1 < list.size() ? ", " : "");
        }
        out.append(']');
        return;
      }
      String inner = indent + "  ";
      out.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        out.append(inner);
        write(list.get(i), inner, out);
        out.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      out.append(indent).append(']');
    } else if (value instanceof String s) {
      quote(s, out);
    } else {
      out.append(value);
    }
  }

  /** {@code value} as JSON on one line, no spaces: the form of a log line. */
  static String writeCompact(Object value) {
    StringBuilder out = new StringBuilder();
    writeCompact(value, out);
    return out.toString();
  }

  private static void writeCompact(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(i++ > 0 ? "," : "");
        quote(String.valueOf(e.getKey()), out);
        out.append(':');
        writeCompact(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i > 0 ? "," : "");
        writeCompact(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof String s) {
      quote(s, out);
    } else {
      out.append(value);
    }
  }

  private static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
