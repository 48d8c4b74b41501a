package dev.runtask.launcher.cli;

import dev.runtask.launcher.run.RunOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How long and how to wait for a task: the flags {@code run} and {@code attach} share. */
public final class WaitOptions {
  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Stop waiting after this long (exit 120); default: wait as long as the task runs.")
  Duration timeout;

  @Option(
      names = "--stop-on-timeout",
      description = "Stop the task when --timeout is reached instead of leaving it running.")
  boolean stopOnTimeout;

  @Option(names = "--stop-on-interrupt", description = "On Ctrl-C stop the task without asking.")
  boolean stopOnInterrupt;

  // Hidden: tests turn the waiter's pace down to milliseconds.
  @Option(
      names = "--poll-interval",
      hidden = true,
      defaultValue = "2s",
      converter = DurationConverter.class)
  Duration pollInterval;

  @Option(
      names = "--max-poll-interval",
      hidden = true,
      defaultValue = "10s",
      converter = DurationConverter.class)
  Duration maxPollInterval;

  @Option(
      names = "--log-grace",
      hidden = true,
      defaultValue = "10s",
      converter = DurationConverter.class)
  Duration logGrace;

  /** These wait settings combined with the command's own choices. */
  RunOptions runOptions(boolean wait, boolean dryRun, boolean json, boolean yes) {
    return new RunOptions(
        wait,
        timeout,
        stopOnTimeout,
        stopOnInterrupt,
        dryRun,
        json,
        yes,
        pollInterval,
        maxPollInterval,
        logGrace,
        null);
  }
}
