package dev.runtask.runtime.records;

import dev.runtask.runtime.api.ExitCodes;
import dev.runtask.runtime.api.Shard;
import dev.runtask.runtime.db.Database;
import dev.runtask.runtime.db.DatabaseSettings;
import dev.runtask.runtime.db.DatabaseSettingsException;
import dev.runtask.runtime.db.DatabaseUnavailableException;
import dev.runtask.runtime.db.DatabaseUrls;
import dev.runtask.runtime.db.ExecutionDatabase;
import dev.runtask.runtime.db.PooledDatabase;
import dev.runtask.runtime.lock.SingleInstanceLock;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database side of one execution: the lazily opened database, the single-instance lock taken
 * before the task runs, the execution record, the dry-run rollback. Nothing here may change the
 * task's own result: after the task, failures are warnings.
 */
public final class ExecutionBookkeeping implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExecutionBookkeeping.class);

  private final ExecutionStart start;
  private final boolean singleInstance;
  private final Path localDir;
  private final ExecutionDatabase database;
  private volatile ExecutionRecords records;
  private SingleInstanceLock.Held lock;
  private SingleInstanceLock.Held alive;

  public ExecutionBookkeeping(
      ExecutionStart start, boolean singleInstance, Map<String, String> env, Path localDir) {
    this.start = start;
    this.singleInstance = singleInstance;
    this.localDir = localDir;
    this.database = new ExecutionDatabase(env, localDir, start.dryRun(), this::opened);
  }

  private void opened(PooledDatabase db) {
    SingleInstanceLock runLocks = null;
    if (database.pinned().isEmpty()) {
      runLocks = SingleInstanceLock.forRuns(db.settings(), localDir);
      alive = holdWhileAlive(runLocks);
    }
    ExecutionRecords opened = recordsIn(db);
    if (!opened.started(start)) {
      return;
    }
    records = opened;
    if (runLocks != null) {
      closeAbandoned(opened, runLocks);
    }
  }

  /**
   * The lock {@code run:RUN_ID}, taken before the record is written and held until it is closed: it
   * dies with the process (the session or the file lock goes with it), which is how a later run
   * tells a run that is still going from one killed with {@code kill -9}.
   */
  private SingleInstanceLock.Held holdWhileAlive(SingleInstanceLock runLocks) {
    try {
      return runLocks.tryAcquire(runLockName(start.runId())).orElse(null);
    } catch (RuntimeException e) {
      log.warn("Could not take the liveness lock of run {}: {}", start.runId(), e.getMessage());
      return null;
    }
  }

  private static String runLockName(String runId) {
    return "run:" + runId;
  }

  /**
   * Records left open by runs whose process is gone (their liveness lock is free) are closed as
   * abandoned, so an open record always means a run that is still going.
   */
  private void closeAbandoned(ExecutionRecords in, SingleInstanceLock runLocks) {
    try {
      for (ExecutionRecords.OpenRun open : in.open(start.runId())) {
        Optional<SingleInstanceLock.Held> free = runLocks.tryAcquire(runLockName(open.runId()));
        if (free.isEmpty()) {
          continue;
        }
        try (SingleInstanceLock.Held ignored = free.get()) {
          if (in.abandoned(open.runId(), Instant.now(), start.runId())) {
            log.warn(
                "Run {} of {} had left its record open and its process is gone; marked abandoned",
                open.runId(),
                open.taskName());
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      log.warn("Could not look for abandoned runs: {}", DatabaseUrls.mask(e.getMessage()));
    }
  }

  /**
   * Records go on autocommit connections of their own, so a rolled-back task or dry run is still
   * recorded; but under a test harness into the test's transaction, so a test leaves no record.
   */
  private ExecutionRecords recordsIn(PooledDatabase db) {
    if (database.pinned().isPresent()) {
      return new ExecutionRecords(db.connections()::current);
    }
    return new ExecutionRecords(db.dataSource());
  }

  /** What {@code TaskContext.database()} hands out: the task-facing view, never the pool. */
  public Database database() {
    return database.forTasks();
  }

  /**
   * Before the task: takes the single-instance lock. Returns the exit code to stop with (100 when
   * another run holds it, 2 for bad settings, 1 when the database is unreachable), having printed
   * one line to {@code err}; empty to go on.
   */
  public OptionalInt beforeRun(PrintStream err) {
    if (!singleInstance) {
      return OptionalInt.empty();
    }
    try {
      DatabaseSettings settings = database.settings();
      Optional<SingleInstanceLock.Held> held =
          SingleInstanceLock.forDatabase(settings, localDir).tryAcquire(lockName());
      if (held.isEmpty()) {
        err.println(
            start.taskName()
                + (start.shard().isSharded() ? " shard " + start.shard() : "")
                + " is already running elsewhere (single-instance task);"
                + " nothing was done");
        return OptionalInt.of(ExitCodes.ALREADY_RUNNING);
      }
      lock = held.get();
      log.info("Holding the single-instance lock of {}", lockName());
      return OptionalInt.empty();
    } catch (DatabaseSettingsException e) {
      err.println(start.taskName() + ": " + e.getMessage());
      return OptionalInt.of(ExitCodes.USAGE);
    } catch (DatabaseUnavailableException | UncheckedIOException e) {
      err.println(start.taskName() + ": " + e.getMessage());
      return OptionalInt.of(ExitCodes.FAILED);
    }
  }

  /**
   * The execution was asked to stop (signal handler's thread): its transactions begin nothing more
   * and the statement {@code worker} is running is cancelled.
   */
  public void requestStop(Thread worker) {
    database.requestStop(worker);
  }

  /** Outermost transactions of the task that committed so far. */
  public long committedTransactions() {
    return database.committedTransactions();
  }

  /**
   * The process is about to exit without waiting for the task (the watchdog, a second signal):
   * closes the record on a connection of its own (the task's may be stuck), with short timeouts.
   * Never throws.
   */
  public void closeRecordNow(int exitCode, String stopReason, Instant endedAt) {
    try {
      if (database.pinned().isPresent()) {
        return;
      }
      ExecutionRecords oneShot = oneShotRecords();
      if (oneShot == null) {
        return;
      }
      // Without a record yet (the task never opened the database), write the start first.
      if (records != null || (!database.isOpen() && oneShot.started(start))) {
        oneShot.finished(start.runId(), endedAt, exitCode, null, stopReason);
      }
    } catch (RuntimeException e) {
      log.warn("Could not close the record of run {}: {}", start.runId(), e.getMessage());
    }
  }

  /**
   * What the single-instance lock is taken on: the task, or for a fan-out shard the task and its
   * shard ({@code task.shard-3-of-16}), so the shards of one fan-out run side by side while two
   * runs of the same shard still exclude each other.
   */
  private String lockName() {
    Shard shard = start.shard();
    return shard.isSharded()
        ? start.taskName() + ".shard-" + shard.index() + "-of-" + shard.count()
        : start.taskName();
  }

  /** After the task: dry-run rollback and summary, the record's end, closing. Never throws. */
  public void afterRun(int exitCode, String errorSummary, String stopReason, Instant endedAt) {
    try {
      database
          .endDryRun()
          .ifPresent(
              summary ->
                  log.info(
                      "Dry run of {} rolled back; it would have changed: {}",
                      start.taskName(),
                      summary));
      if (records != null) {
        records.finished(start.runId(), endedAt, exitCode, errorSummary, stopReason);
      } else if (database.pinned().isPresent() && !database.isOpen()) {
        ExecutionRecords inTest = recordsIn(database.pinned().get());
        if (inTest.started(start)) {
          inTest.finished(start.runId(), endedAt, exitCode, errorSummary, stopReason);
        }
      } else if (!database.isOpen()) {
        recordWithoutPool(exitCode, errorSummary, stopReason, endedAt);
      }
    } catch (RuntimeException e) {
      log.warn("Could not finish the bookkeeping of run {}: {}", start.runId(), e.getMessage());
    } finally {
      close();
    }
  }

  /** A task that never used the database is still recorded when one is configured explicitly. */
  private void recordWithoutPool(
      int exitCode, String errorSummary, String stopReason, Instant endedAt) {
    ExecutionRecords oneShot = oneShotRecords();
    if (oneShot != null && oneShot.started(start)) {
      oneShot.finished(start.runId(), endedAt, exitCode, errorSummary, stopReason);
      closeAbandoned(oneShot, SingleInstanceLock.forRuns(database.settings(), localDir));
    }
  }

  /**
   * Records on one short-lived connection per call, for when the pool is not open or cannot be
   * trusted; null when no database is configured explicitly.
   */
  private ExecutionRecords oneShotRecords() {
    DatabaseSettings settings;
    try {
      settings = database.settings();
    } catch (DatabaseSettingsException e) {
      return null;
    }
    if (settings.isEmbeddedDefault() && !database.isOpen()) {
      return null;
    }
    Properties props = new Properties();
    if (settings.user() != null) {
      props.setProperty("user", settings.user());
    }
    props.setProperty("password", settings.password());
    if (settings.isPostgres()) {
      props.setProperty("connectTimeout", "5");
      props.setProperty("socketTimeout", "5");
    }
    return new ExecutionRecords(() -> DriverManager.getConnection(settings.url(), props));
  }

  @Override
  public void close() {
    try {
      database.close();
    } catch (RuntimeException e) {
      log.warn("Closing the database of run {} failed: {}", start.runId(), e.getMessage());
    }
    if (lock != null) {
      lock.close();
      lock = null;
    }
    if (alive != null) {
      alive.close();
      alive = null;
    }
  }
}
