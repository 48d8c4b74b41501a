package dev.runtask.contract;

import java.time.Duration;
import java.util.Map;

/**
 * How long the runtime gives a stopped task before it exits anyway ({@value #VARIABLE}), read the
 * same way by the runtime (its watchdog) and the launcher ({@code -e local} waits that long, plus
 * {@link #LAUNCHER_MARGIN}, before it SIGKILLs the child). ECS SIGKILLs a container {@code
 * stopTimeout} after SIGTERM (30 s by default, at most 120 s on Fargate), so a grace beyond {@link
 * #MAX_SECONDS} could never be served there and is refused rather than overflowing a timer.
 */
public final class StopGrace {
  /** The environment variable holding the grace in whole seconds. */
  public static final String VARIABLE = "RUNTASK_STOP_GRACE_SECONDS";

  /** The grace when the variable is unset: below ECS's default stopTimeout of 30 s. */
  public static final int DEFAULT_SECONDS = 25;

  /** The longest grace accepted: Fargate's longest stopTimeout. */
  public static final int MAX_SECONDS = 120;

  /**
   * What the launcher adds to the child's grace before SIGKILL: the runtime's own watchdog closes
   * the execution record and exits at the grace, this is the time it gets to do so.
   */
  public static final Duration LAUNCHER_MARGIN = Duration.ofSeconds(5);

  private StopGrace() {}

  /**
   * The grace set in {@code env}, or the default; {@link IllegalArgumentException} with one line
   * naming the variable when it is not whole seconds in 0–{@value #MAX_SECONDS}.
   */
  public static Duration from(Map<String, String> env) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return Duration.ofSeconds(DEFAULT_SECONDS);
    }
    try {
      long seconds = Long.parseLong(value.trim());
      if (seconds >= 0 && seconds <= MAX_SECONDS) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        VARIABLE
            + "="
            + value
            + " is not valid: expected whole seconds from 0 to "
            + MAX_SECONDS
            + " (default "
            + DEFAULT_SECONDS
            + "; ECS kills a container at most 120 s after SIGTERM)");
  }
}
