package dev.runtask.launcher.run;

import java.time.Duration;
import java.time.Instant;
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
    Duration logGrace,
    Instant logsFrom) {
  /**
   * {@code timeout} may be null: wait as long as the task runs. {@code logsFrom} may be null: the
   * task's log from its first line.
   */
  public RunOptions {
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(maxPollInterval, "maxPollInterval");
    Objects.requireNonNull(logGrace, "logGrace");
  }

  /** The same options, following the log from {@code from} on (null: from the first line). */
  public RunOptions withLogsFrom(Instant from) {
    return new RunOptions(
        waitForStop,
        timeout,
        stopOnTimeout,
        stopOnInterrupt,
        dryRun,
        json,
        yes,
        pollInterval,
        maxPollInterval,
        logGrace,
        from);
  }
}
