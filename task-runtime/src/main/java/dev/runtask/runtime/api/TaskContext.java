package dev.runtask.runtime.api;

import java.time.Clock;
import java.time.Instant;

/** Everything that belongs to one execution of a task; created anew for every execution. */
public interface TaskContext {
  /** The task's kebab-case name. */
  String taskName();

  /** Unique id of this execution; appears on every log line and in the execution record. */
  String runId();

  /** The clock of this execution; tests substitute a fixed one. */
  Clock clock();

  /** When this execution started, read once from {@link #clock()}. */
  Instant startedAt();

  /** Set when the task is asked to stop (SIGTERM/SIGINT); long loops should check it. */
  Cancellation cancellation();
}
