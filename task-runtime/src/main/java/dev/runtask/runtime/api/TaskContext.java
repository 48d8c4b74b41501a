package dev.runtask.runtime.api;

import dev.runtask.runtime.db.Database;
import java.time.Clock;
import java.time.Instant;

/** Everything that belongs to one execution of a task; created anew for every execution. */
public interface TaskContext {
  /** The task's kebab-case name. */
  String taskName();

  /** Unique id of this execution; appears on every log line and in the execution record. */
  String runId();

  /**
   * Which shard of a fan-out this execution is ({@code SHARD_INDEX} of {@code SHARD_COUNT}, set by
   * {@code launcher run --shards N}); {@link Shard#SINGLE} (0 of 1) when not fanned out, so a task
   * that filters with {@link Shard#owns(long)} does all the work when run alone.
   */
  default Shard shard() {
    return Shard.SINGLE;
  }

  /** The clock of this execution; tests substitute a fixed one. */
  Clock clock();

  /** When this execution started, read once from {@link #clock()}. */
  Instant startedAt();

  /** Set when the task is asked to stop (SIGTERM/SIGINT); long loops should check it. */
  Cancellation cancellation();

  /**
   * The database of this execution (RUNTASK_DB_* settings, or the embedded default), connected and
   * migrated on first use: a task that never calls this opens no pool. Usecases take {@code
   * database().transactions()}, repositories {@code database().connections()}; the pool itself is
   * not reachable from here, so dry-run rollback, test transactions and the thread guard hold.
   */
  default Database database() {
    throw new UnsupportedOperationException("this context has no database");
  }
}
