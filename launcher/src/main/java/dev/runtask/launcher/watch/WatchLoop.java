package dev.runtask.launcher.watch;

import dev.runtask.launcher.aws.ConsoleUrls;
import dev.runtask.launcher.aws.LogFollower;
import dev.runtask.launcher.io.Terminal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Waits for a task to stop with no built-in cap (unlike the SDK waiter's 10 minutes), printing
 * status transitions and following logs, and gives up only on --timeout or Ctrl-C. Polling backs
 * off from the configured interval, so tests wait milliseconds.
 */
final class WatchLoop {
  static final int MAX_CONSECUTIVE_FAILURES = 10;
  private final EcsClient ecs;
  private final LogFollower logs;
  private final Terminal terminal;
  private final Backoff backoff;
  private final Duration logGrace;
  private final Clock clock;
  private final Semaphore wakeUp = new Semaphore(0);
  private volatile boolean interrupted;

  WatchLoop(
      EcsClient ecs,
      LogFollower logs,
      Terminal terminal,
      Backoff backoff,
      Duration logGrace,
      Clock clock) {
    this.ecs = ecs;
    this.logs = logs;
    this.terminal = terminal;
    this.backoff = backoff;
    this.logGrace = logGrace;
    this.clock = clock;
  }

  /** How the wait ended. */
  public enum End {
    STOPPED,
    TIMED_OUT,
    INTERRUPTED,
    /** DescribeTasks failed {@link #MAX_CONSECUTIVE_FAILURES} times in a row. */
    GAVE_UP
  }

  /**
   * The end, the last task description seen (null when no describe has seen it yet) and, when the
   * wait gave up, the last failure's message.
   */
  public record Result(End end, Task task, String failure) {
    public Result {
      Objects.requireNonNull(end, "end");
    }

    Result(End end, Task task) {
      this(end, task, null);
    }
  }

  /** Called from the Ctrl-C handler: the wait loop wakes up and returns INTERRUPTED. */
  public void interrupt() {
    interrupted = true;
    wakeUp.release();
  }

  public Result watch(String cluster, String taskArn, Duration timeout) {
    Instant start = clock.instant();
    String lastStatus = null;
    Task task = null;
    int failures = 0;
    while (true) {
      Task seen;
      try {
        seen = describe(cluster, taskArn);
        failures = 0;
      } catch (SdkException e) {
        // The SDK has already retried this call; a wait of hours should outlive a network
        // blip or a throttling burst, so only a run of failures ends it.
        if (++failures >= MAX_CONSECUTIVE_FAILURES) {
          terminal.endProgress();
          return new Result(End.GAVE_UP, task, e.getMessage());
        }
        terminal.info("warning: DescribeTasks failed (" + e.getMessage() + "); retrying");
        if (interrupted || pause(backoff.next())) {
          terminal.endProgress();
          return new Result(End.INTERRUPTED, task);
        }
        continue;
      }
      task = seen != null ? seen : task;
      String status = task == null ? "PENDING" : task.lastStatus();
      Duration elapsed = Duration.between(start, clock.instant());
      if (!status.equals(lastStatus)) {
        terminal.info("status: " + status + " (" + format(elapsed) + ")");
        lastStatus = status;
        backoff.reset();
      }
      terminal.progress(
          "["
              + status
              + " "
              + format(elapsed)
              + "] "
              + ConsoleUrls.taskId(taskArn)
              + "  (Ctrl-C to stop or detach)");
      pollLogs();
      if ("STOPPED".equals(status)) {
        drainLogs();
        terminal.endProgress();
        return new Result(End.STOPPED, task);
      }
      if (timeout != null && elapsed.compareTo(timeout) >= 0) {
        terminal.endProgress();
        return new Result(End.TIMED_OUT, task);
      }
      if (interrupted || pause(backoff.next())) {
        terminal.endProgress();
        return new Result(End.INTERRUPTED, task);
      }
    }
  }

  private Task describe(String cluster, String taskArn) {
    DescribeTasksResponse r = ecs.describeTasks(b -> b.cluster(cluster).tasks(taskArn));
    // Right after RunTask a describe can miss the task (eventual consistency): treat as pending.
    return r.hasTasks() && !r.tasks().isEmpty() ? r.tasks().get(0) : null;
  }

  /**
   * After STOPPED, read until two polls in a row bring nothing (and the stream exists), within the
   * grace period: CloudWatch may ingest the last lines a moment after the container exits.
   */
  private void drainLogs() {
    if (logs == null) {
      return;
    }
    Instant deadline = clock.instant().plus(logGrace);
    int quiet = 0;
    while (quiet < 2 && clock.instant().isBefore(deadline)) {
      quiet = pollLogs() == 0 && logs.streamSeen() ? quiet + 1 : 0;
      if (quiet < 2 && pause(backoff.next())) {
        return;
      }
    }
    if (!logs.streamSeen()) {
      terminal.info("logs: stream " + logs.group() + " " + logs.stream() + " did not appear");
    }
  }

  /** Logs are a view: a failed poll is reported and retried next time, it never ends the wait. */
  private int pollLogs() {
    if (logs == null) {
      return 0;
    }
    try {
      return logs.poll();
    } catch (SdkException e) {
      terminal.info("warning: GetLogEvents failed (" + e.getMessage() + "); retrying");
      return 0;
    }
  }

  /** Sleeps up to {@code d}; true when woken by an interrupt. */
  private boolean pause(Duration d) {
    try {
      return wakeUp.tryAcquire(d.toMillis(), TimeUnit.MILLISECONDS) || interrupted;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** A duration as operators write it: 45s, 12m03s, 1h02m00s; below a second in ms. */
  public static String format(Duration d) {
    if (d.toSeconds() == 0 && !d.isZero()) {
      return d.toMillis() + "ms";
    }
    return formatSeconds(d);
  }

  private static String formatSeconds(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format("%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
        : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
