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
 * off from the configured interval, so tests wait milliseconds; --timeout ends it at the deadline.
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

  /**
   * Two paces in one thread: DescribeTasks with backoff (from the poll interval up to the maximum),
   * GetLogEvents at half the poll interval (1 s by default, so a line shows within about a second
   * at one call per second). The runtime's last log line is a reason to describe at once and then
   * at the short interval: the task is on its way to STOPPED. Every sleep ends at the deadline.
   */
  public Result watch(String cluster, String taskArn, Duration timeout) {
    Instant start = clock.instant();
    Instant deadline = timeout == null ? null : start.plus(timeout);
    Instant nextDescribe = start;
    Instant nextLogs = start;
    boolean endOfLogHandled = false;
    String lastStatus = null;
    Task task = null;
    int failures = 0;
    while (true) {
      Instant now = clock.instant();
      if (!now.isBefore(nextDescribe)) {
        try {
          Task seen = describe(cluster, taskArn);
          failures = 0;
          task = seen != null ? seen : task;
          String status = task == null ? "PENDING" : task.lastStatus();
          if (!status.equals(lastStatus)) {
            terminal.info("status: " + status + " (" + format(Duration.between(start, now)) + ")");
            lastStatus = status;
            backoff.reset();
          }
          if ("STOPPED".equals(status)) {
            terminal.endProgress();
            drainLogs(task);
            return new Result(End.STOPPED, task);
          }
          terminal.progress(
              "["
                  + status
                  + " "
                  + format(Duration.between(start, now))
                  + "] "
                  + ConsoleUrls.taskId(taskArn)
                  + "  (Ctrl-C to stop or detach)");
          nextDescribe = now.plus(endOfLogHandled ? backoff.initial() : backoff.next());
        } catch (SdkException e) {
          // The SDK has already retried this call; a wait of hours should outlive a network
          // blip or a throttling burst, so only a run of failures ends it.
          if (++failures >= MAX_CONSECUTIVE_FAILURES) {
            terminal.endProgress();
            return new Result(End.GAVE_UP, task, e.getMessage());
          }
          terminal.info("warning: DescribeTasks failed (" + e.getMessage() + "); retrying");
          nextDescribe = now.plus(backoff.next());
        }
      }
      if (logs != null && !now.isBefore(nextLogs)) {
        pollLogs();
        nextLogs = clock.instant().plus(logInterval());
        if (logs.endOfLogSeen() && !endOfLogHandled) {
          endOfLogHandled = true;
          nextDescribe = clock.instant();
        }
      }
      if (deadline != null && !clock.instant().isBefore(deadline)) {
        terminal.endProgress();
        return new Result(End.TIMED_OUT, task);
      }
      Instant wake = logs == null || nextDescribe.isBefore(nextLogs) ? nextDescribe : nextLogs;
      if (deadline != null && deadline.isBefore(wake)) {
        wake = deadline;
      }
      if (interrupted || pause(Duration.between(clock.instant(), wake))) {
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

  private Duration logInterval() {
    Duration half = backoff.initial().dividedBy(2);
    return half.isZero() ? Duration.ofMillis(1) : half;
  }

  /**
   * After STOPPED: with the runtime's last line already printed, one more read (the JVM may write
   * to stderr after it) and done. Without it, read until the last event reaches the container's
   * stop time and the cursor stops moving, within the grace (CloudWatch ingests a moment late), and
   * say so when lines may be missing. A container that never started has no stream to wait for.
   */
  private void drainLogs(Task task) {
    if (logs == null) {
      return;
    }
    if (logs.endOfLogSeen()) {
      pollLogs();
      return;
    }
    Instant stoppedAt = stopTime(task);
    Instant graceEnd = clock.instant().plus(logGrace);
    while (true) {
      pollLogs();
      if (logs.endOfLogSeen()) {
        return;
      }
      if (!logs.streamSeen() && task.startedAt() == null) {
        terminal.info("logs: none — the container never started");
        return;
      }
      if (logs.streamSeen()
          && logs.atEnd()
          && stoppedAt != null
          && logs.lastTimestamp() >= stoppedAt.toEpochMilli()) {
        return;
      }
      Duration left = Duration.between(clock.instant(), graceEnd);
      if (left.isNegative() || left.isZero()) {
        break;
      }
      if (pause(left.compareTo(logInterval()) < 0 ? left : logInterval())) {
        return;
      }
    }
    if (!logs.streamSeen()) {
      terminal.info("logs: stream " + logs.group() + " " + logs.stream() + " did not appear");
    } else {
      terminal.info(
          "logs: the task stopped without the runtime's last line (killed, out of memory, or not"
              + " a runtask image); lines from its last moments may be missing — check with `aws"
              + " logs tail "
              + logs.group()
              + " --log-stream-names "
              + logs.stream()
              + "`");
    }
  }

  /** When the container stopped, as ECS reports it; null when it does not say. */
  private static Instant stopTime(Task task) {
    return task.executionStoppedAt() != null ? task.executionStoppedAt() : task.stoppedAt();
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
      return wakeUp.tryAcquire(Math.max(0, d.toMillis()), TimeUnit.MILLISECONDS) || interrupted;
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
