package dev.runtask.launcher.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ps}'s table: one row per task, columns padded to their widest cell, the cause last so a
 * long one does not push the others around.
 */
public final class TaskTable {
  public static final DateTimeFormatter STARTED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final List<String> HEADER =
      List.of(
          "TASK ID",
          "TASK",
          "ARGS",
          "LAUNCHED BY",
          "RUN",
          "STATUS",
          "STARTED",
          "DURATION",
          "EXIT",
          "CAUSE");

  private TaskTable() {}

  public static List<String> lines(List<LaunchedTask> tasks, Instant now) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (LaunchedTask t : tasks) {
      rows.add(
          List.of(
              t.taskId(),
              t.task(),
              String.join(" ", t.args()),
              orDash(t.launchedBy()),
              t.runId() == null ? "-" : t.runId() + (t.shard() == null ? "" : " " + t.shard()),
              t.status(),
              t.startedAt() == null ? "-" : STARTED.format(t.startedAt()),
              duration(t.duration(now)),
              t.exitCode() == null ? "-" : t.exitCode().toString(),
              orDash(t.cause())));
    }
    return align(rows);
  }

  /** {@code rows} (the first is the header) as lines, each column padded to its widest cell. */
  public static List<String> align(List<List<String>> rows) {
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - cell.length() + 2));
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  /** {@code 42s}, {@code 3m05s}, {@code 2h07m}. */
  public static String duration(Duration d) {
    if (d == null) {
      return "-";
    }
    long s = d.toSeconds();
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format("%dm%02ds", s / 60, s % 60);
    }
    return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
  }

  private static String orDash(String s) {
    return s == null || s.isEmpty() ? "-" : s;
  }
}
