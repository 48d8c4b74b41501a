package dev.runtask.runtime.logging;

import dev.runtask.contract.EnvironmentVariables;
import java.util.Locale;
import java.util.Map;

/** JSON lines for log collectors (CloudWatch Logs), readable text for a person at a terminal. */
public enum LogFormat {
  JSON,
  TEXT;

  private static final String VARIABLE = EnvironmentVariables.LOG_FORMAT;

  /** {@code RUNTASK_LOG_FORMAT} if set, else text on a terminal and JSON otherwise. */
  public static LogFormat choose(Map<String, String> env, boolean onTerminal) {
    String forced = env.get(VARIABLE);
    if (forced != null && !forced.isBlank()) {
      try {
        return valueOf(forced.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // Logging is not configured yet, so this is the one place that writes to stderr directly.
        System.err.println(
            VARIABLE
                + "="
                + forced
                + " is not a log format (expected json or text); using "
                + (onTerminal ? "text" : "json"));
      }
    }
    return onTerminal ? TEXT : JSON;
  }
}
