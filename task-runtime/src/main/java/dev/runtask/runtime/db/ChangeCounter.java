package dev.runtask.runtime.db;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds up the update counts of INSERT/UPDATE/DELETE/MERGE statements per table, so a dry run can
 * say what would have changed.
 */
public final class ChangeCounter {
  private static final Pattern CHANGE =
      Pattern.compile(
          "^\\s*(insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+([\\w.\"]+)",
          Pattern.CASE_INSENSITIVE);

  private final Map<String, Long> counts = new TreeMap<>();

  void record(String sql, long updateCount) {
    if (sql == null || updateCount <= 0) {
      return;
    }
    Matcher m = CHANGE.matcher(sql);
    if (!m.find()) {
      return;
    }
    String verb = m.group(1).toLowerCase(Locale.ROOT).split("\\s+")[0];
    String table = m.group(2).replace("\"", "").toLowerCase(Locale.ROOT);
    String past =
        verb.equals("insert")
            ? "inserted"
            : verb.equals("update") ? "updated" : verb.equals("delete") ? "deleted" : "merged";
    counts.merge(table + " " + past, updateCount, Long::sum);
  }

  /** One line: {@code sale: 3 inserted, sale_line: 7 inserted}, or {@code no rows changed}. */
  public String summary() {
    if (counts.isEmpty()) {
      return "no rows changed";
    }
    StringBuilder sb = new StringBuilder();
    counts.forEach(
        (key, n) -> {
          int space = key.lastIndexOf(' ');
          if (sb.length() > 0) {
            sb.append(", ");
          }
          sb.append(key, 0, space).append(": ").append(n).append(key.substring(space));
        });
    return sb.toString();
  }
}
