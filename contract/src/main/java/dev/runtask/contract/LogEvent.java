package dev.runtask.contract;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the runtime's log, as the runtime writes it ({@link #toJson()}) and the launcher
 * reads it back ({@link #parse(String)}); the field names are {@link LogFields}'.
 *
 * @param exitCode the end-of-log marker's exit code, null on every other line
 * @param stackTrace the exception as Java prints it, null when there is none
 */
public record LogEvent(
    long timestamp,
    String level,
    String thread,
    String logger,
    Map<String, String> mdc,
    String message,
    String stackTrace,
    Integer exitCode) {
  public LogEvent {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
    // Insertion order kept, so a line's fields read the same in every run.
    mdc = mdc == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(mdc));
  }

  /** True for the runtime's last line of a run: nothing of the task follows it. */
  public boolean endOfLog() {
    return exitCode != null;
  }

  /** The JSON object on one line, without the line break. */
  public String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(LogFields.TIMESTAMP, timestamp);
    json.put(LogFields.LEVEL, level);
    if (thread != null) {
      json.put(LogFields.THREAD, thread);
    }
    if (logger != null) {
      json.put(LogFields.LOGGER, logger);
    }
    if (!mdc.isEmpty()) {
      json.put(LogFields.MDC, mdc);
    }
    json.put(LogFields.MESSAGE, message);
    if (stackTrace != null) {
      json.put(LogFields.STACK_TRACE, stackTrace);
    }
    if (exitCode != null) {
      json.put(LogFields.EXIT_CODE, exitCode);
    }
    return JsonText.writeCompact(json);
  }

  /**
   * The runtime's event a line holds, or empty when it is something else (a JVM warning, another
   * program's output, a line cut short): such lines are shown as they are.
   */
  public static Optional<LogEvent> parse(String line) {
    String text = line.strip();
    if (!text.startsWith("{") || !text.endsWith("}")) {
      return Optional.empty();
    }
    Object value;
    try {
      value = JsonText.parse(text, "log line");
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!(value instanceof Map<?, ?> json)
        || !(json.get(LogFields.TIMESTAMP) instanceof BigDecimal timestamp)
        || !(json.get(LogFields.LEVEL) instanceof String level)
        || !(json.get(LogFields.MESSAGE) instanceof String message)) {
      return Optional.empty();
    }
    Map<String, String> mdc = new LinkedHashMap<>();
    if (json.get(LogFields.MDC) instanceof Map<?, ?> m) {
      m.forEach((k, v) -> mdc.put(String.valueOf(k), String.valueOf(v)));
    }
    Integer exitCode =
        json.get(LogFields.EXIT_CODE) instanceof BigDecimal code ? code.intValue() : null;
    return Optional.of(
        new LogEvent(
            timestamp.longValue(),
            level,
            json.get(LogFields.THREAD) instanceof String t ? t : null,
            json.get(LogFields.LOGGER) instanceof String l ? l : null,
            mdc,
            message,
            json.get(LogFields.STACK_TRACE) instanceof String s ? s : null,
            exitCode));
  }
}
