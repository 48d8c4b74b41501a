package dev.runtask.launcher.run;

import java.time.Duration;
import java.util.Objects;

/** How to run and watch: wait or not, limits, what Ctrl-C does, output form, poll pacing. */
public record RunOptions(
    boolean waitForStop,
    Duration timeout,
    boolean stopOnTimeout,
    boolean stopOnInterrupt,
    boolean dryRun,
    boolean json,
    boolean yes,
    Duration pollInterval,
    Duration maxPollInterval,
    Duration logGrace) {
  /** {@code timeout} may be null: wait as long as the task runs. */
  public RunOptions {
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(maxPollInterval, "maxPollInterval");
    Objects.requireNonNull(logGrace, "logGrace");
  }
}
