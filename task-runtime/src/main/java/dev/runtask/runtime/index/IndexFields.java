package dev.runtask.runtime.index;

import java.util.ArrayList;
import java.util.List;

/**
 * The field syntax of the task index: tab-separated fields, in which a backslash escapes a tab
 * ({@code \t}), a line break ({@code \n}, {@code \r}), a list terminator ({@code \|}) and itself; a
 * list is its elements each followed by {@code |}, so an empty list and a list of one empty string
 * differ. Read with no library, in one pass per line.
 */
final class IndexFields {
  static final char SEPARATOR = '\t';
  private static final char LIST_END = '|';

  private IndexFields() {}

  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case LIST_END -> out.append("\\|");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String list(List<String> values) {
    StringBuilder out = new StringBuilder();
    for (String value : values) {
      out.append(escape(value)).append(LIST_END);
    }
    return out.toString();
  }

  /** The fields of {@code line}, unescaped; exactly {@code expected} of them or it is corrupt. */
  static List<String> split(String line, int expected) {
    List<String> fields = new ArrayList<>(expected);
    int start = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || line.charAt(i) == SEPARATOR) {
        fields.add(line.substring(start, i));
        start = i + 1;
      }
    }
    if (fields.size() != expected) {
      throw new IllegalStateException(
          "Corrupt task index line (expected "
              + expected
              + " tab-separated fields, found "
              + fields.size()
              + "): "
              + line);
    }
    return fields;
  }

  static String unescape(String field) {
    return field.indexOf('\\') < 0 ? field : decode(field, false).get(0);
  }

  static List<String> unlist(String field) {
    return decode(field, true);
  }

  private static List<String> decode(String field, boolean isList) {
    List<String> values = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 1 < field.length()) {
        char next = field.charAt(++i);
        current.append(
            switch (next) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              default -> next;
            });
      } else if (isList && c == LIST_END) {
        values.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (!isList) {
      values.add(current.toString());
    } else if (current.length() > 0) {
      throw new IllegalStateException("Corrupt task index list (no final '|'): " + field);
    }
    return values;
  }
}
