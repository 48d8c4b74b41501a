package dev.runtask.runtime.execution;

import dev.runtask.runtime.api.Shard;
import dev.runtask.runtime.api.TaskContext;
import dev.runtask.runtime.db.Database;
import dev.runtask.runtime.records.ExecutionBookkeeping;
import dev.runtask.runtime.records.ExecutionStart;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of one task: its id, clock, stop request and where it runs. A new one is made for every
 * execution (seed 004: state created once at start-up and reused is the bug to avoid).
 */
public final class Execution implements TaskContext {
  private final ExecutionStart start;
  private final Clock clock;
  private final ExecutionBookkeeping bookkeeping;
  private final StopRequest stopRequest = new StopRequest();
  private final Thread thread;

  /** A run described by {@code start}, on the calling thread, with its database side. */
  Execution(ExecutionStart start, Clock clock, ExecutionBookkeeping bookkeeping) {
    this.start = Objects.requireNonNull(start, "start");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.bookkeeping = Objects.requireNonNull(bookkeeping, "bookkeeping");
    this.thread = Thread.currentThread();
  }

  @Override
  public String taskName() {
    return start.taskName();
  }

  @Override
  public String runId() {
    return start.runId();
  }

  @Override
  public Shard shard() {
    return start.shard();
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Instant startedAt() {
    return start.startedAt();
  }

  @Override
  public StopRequest cancellation() {
    return stopRequest;
  }

  @Override
  public Database database() {
    return bookkeeping.database();
  }

  /** The database side of this run: lock, record, dry-run rollback. */
  ExecutionBookkeeping bookkeeping() {
    return bookkeeping;
  }

  /** The task's arguments with secret values masked. */
  public List<String> redactedArgs() {
    return start.redactedArguments();
  }

  /** The ECS task ARN when running on ECS. */
  public Optional<String> ecsTaskArn() {
    return start.ecsTaskArn();
  }

  /** Who launched the run ({@code RUNTASK_LAUNCHED_BY}), when the launcher said so. */
  public Optional<String> launchedBy() {
    return start.launchedBy();
  }

  /**
   * Asks the task to stop: records the signal, stops its database work (no new transaction, the
   * running statement cancelled) and interrupts the thread running the task (sleeps, waits).
   */
  public boolean requestStop(StopRequest.Signal signal) {
    boolean first = stopRequest.request(signal);
    if (first) {
      bookkeeping.requestStop(thread);
      thread.interrupt();
    }
    return first;
  }

  /**
   * The process exits now without waiting for the task (the watchdog, a second signal): closes the
   * execution record first, on a connection of its own.
   */
  public void exitingNow(int exitCode, String stopReason) {
    bookkeeping.closeRecordNow(exitCode, stopReason, clock.instant());
  }
}
