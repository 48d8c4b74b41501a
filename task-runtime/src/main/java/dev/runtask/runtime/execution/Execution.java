package dev.runtask.runtime.execution;

import dev.runtask.runtime.api.TaskContext;
import dev.runtask.runtime.db.Database;
import dev.runtask.runtime.records.ExecutionBookkeeping;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One run of one task: its id, clock, stop request and where it runs. A new one is made for every
 * execution (seed 004: state created once at start-up and reused is the bug to avoid).
 */
public final class Execution implements TaskContext {
  private final String taskName;
  private final String runId;
  private final Clock clock;
  private final Instant startedAt;
  private final StopRequest stopRequest = new StopRequest();
  private final List<String> redactedArgs;
  private final Optional<String> ecsTaskArn;
  private final Optional<String> launchedBy;
  private final Thread thread;

  /** The database side of this execution; set by {@link ExecutionFactory}. */
  ExecutionBookkeeping bookkeeping;

  Execution(
      String taskName,
      Clock clock,
      List<String> redactedArgs,
      Optional<String> ecsTaskArn,
      Optional<String> launchedBy) {
    this.taskName = taskName;
    this.runId = UUID.randomUUID().toString();
    this.clock = clock;
    this.startedAt = clock.instant();
    this.redactedArgs = List.copyOf(redactedArgs);
    this.ecsTaskArn = ecsTaskArn;
    this.launchedBy = launchedBy;
    this.thread = Thread.currentThread();
  }

  @Override
  public String taskName() {
    return taskName;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Instant startedAt() {
    return startedAt;
  }

  @Override
  public StopRequest cancellation() {
    return stopRequest;
  }

  @Override
  public Database database() {
    if (bookkeeping == null) {
      return TaskContext.super.database();
    }
    return bookkeeping.database();
  }

  /** The task's arguments with secret values masked. */
  public List<String> redactedArgs() {
    return redactedArgs;
  }

  /** The ECS task ARN when running on ECS. */
  public Optional<String> ecsTaskArn() {
    return ecsTaskArn;
  }

  /** Who launched the run ({@code RUNTASK_LAUNCHED_BY}), when the launcher said so. */
  public Optional<String> launchedBy() {
    return launchedBy;
  }

  /** Asks the task to stop: records the signal and interrupts the thread running the task. */
  public boolean requestStop(StopRequest.Signal signal) {
    boolean first = stopRequest.request(signal);
    if (first) {
      thread.interrupt();
    }
    return first;
  }
}
