package dev.runtask.contract;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The runtime's log lines as a person reads them: {@code HH:mm:ss.SSS LEVEL [shard] message}, the
 * level in colour when asked, the stack trace on the lines below. The runtime's text mode and the
 * launcher (local child output, CloudWatch events) both render with this, so a line looks the same
 * wherever it is read.
 */
public final class LogRendering {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  private static final String RESET = "\u001b[0;39m";
  // The colours of Logback's %highlight, which the text layout used before.
  private static final Map<String, String> COLOURS =
      Map.of("ERROR", "\u001b[1;31m", "WARN", "\u001b[31m", "INFO", "\u001b[34m");

  private final boolean colour;
  private final ZoneId zone;

  private LogRendering(boolean colour, ZoneId zone) {
    this.colour = colour;
    this.zone = zone;
  }

  /** Colour only for a terminal, and never when {@code NO_COLOR} is set (no-color.org). */
  public static LogRendering of(boolean terminal, Map<String, String> env, ZoneId zone) {
    String noColor = env.get("NO_COLOR");
    return new LogRendering(terminal && (noColor == null || noColor.isEmpty()), zone);
  }

  /** {@code event} as text, lines separated by '\n', without a final line break. */
  public String render(LogEvent event) {
    StringBuilder out = new StringBuilder(event.message().length() + 32);
    out.append(TIME.format(Instant.ofEpochMilli(event.timestamp()).atZone(zone))).append(' ');
    String level = String.format("%-5s", event.level());
    String code = colour ? COLOURS.get(event.level()) : null;
    out.append(code == null ? level : code + level + RESET);
    out.append(' ');
    String shard = event.mdc().get(LogFields.SHARD);
    if (shard != null && !shard.isEmpty()) {
      out.append('[').append(shard).append("] ");
    }
    out.append(event.message());
    if (event.stackTrace() != null) {
      event.stackTrace().lines().forEach(line -> out.append('\n').append(line));
    }
    return out.toString();
  }

  /** A line of task output rendered when it is the runtime's, otherwise unchanged. */
  public String renderLine(String line) {
    return LogEvent.parse(line).map(this::render).orElse(line);
  }
}
