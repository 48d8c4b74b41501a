package dev.runtask.runtime.records;

import dev.runtask.runtime.api.ExitCodes;
import dev.runtask.runtime.api.Shard;
import dev.runtask.runtime.db.Database;
import dev.runtask.runtime.db.DatabaseSettings;
import dev.runtask.runtime.db.DatabaseSettingsException;
import dev.runtask.runtime.db.DatabaseUnavailableException;
import dev.runtask.runtime.db.ExecutionDatabase;
import dev.runtask.runtime.db.PooledDatabase;
import dev.runtask.runtime.lock.SingleInstanceLock;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.DriverManager;
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
  private ExecutionRecords records;
  private SingleInstanceLock.Held lock;

  public ExecutionBookkeeping(
      ExecutionStart start, boolean singleInstance, Map<String, String> env, Path localDir) {
    this.start = start;
    this.singleInstance = singleInstance;
    this.localDir = localDir;
    this.database = new ExecutionDatabase(env, localDir, start.dryRun(), this::opened);
  }

  private void opened(PooledDatabase db) {
    records = recordsIn(db);
    if (!records.started(start)) {
      records = null;
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
    return database.get().forTasks();
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
  public void afterRun(int exitCode, String errorSummary, Instant endedAt) {
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
        records.finished(start.runId(), endedAt, exitCode, errorSummary);
      } else if (database.pinned().isPresent() && !database.isOpen()) {
        ExecutionRecords inTest = recordsIn(database.pinned().get());
        if (inTest.started(start)) {
          inTest.finished(start.runId(), endedAt, exitCode, errorSummary);
        }
      } else if (!database.isOpen()) {
        recordWithoutPool(exitCode, errorSummary, endedAt);
      }
    } catch (RuntimeException e) {
      log.warn("Could not finish the bookkeeping of run {}: {}", start.runId(), e.getMessage());
    } finally {
      close();
    }
  }

  /** A task that never used the database is still recorded when one is configured explicitly. */
  private void recordWithoutPool(int exitCode, String errorSummary, Instant endedAt) {
    DatabaseSettings settings;
    try {
      settings = database.settings();
    } catch (DatabaseSettingsException e) {
      return;
    }
    if (settings.isEmbeddedDefault()) {
      return;
    }
    Properties props = new Properties();
    if (settings.user() != null) {
      props.setProperty("user", settings.user());
    }
    props.setProperty("password", settings.password());
    if (settings.isPostgres()) {
      props.setProperty("connectTimeout", "5");
    }
    ExecutionRecords oneShot =
        new ExecutionRecords(() -> DriverManager.getConnection(settings.url(), props));
    if (oneShot.started(start)) {
      oneShot.finished(start.runId(), endedAt, exitCode, errorSummary);
    }
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
  }
}
