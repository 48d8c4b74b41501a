package dev.runtask.runtime.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database of one execution, opened on first use: a task that never asks opens no pool and runs
 * no migration. Uses the database pinned to the thread by a test harness if there is one (and then
 * does not close it). In a dry run, opening it also opens the rollback-only outer transaction that
 * the whole task runs in.
 */
public final class ExecutionDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExecutionDatabase.class);

  private final Map<String, String> env;
  private final Path localDir;
  private final boolean dryRun;
  private final Consumer<PooledDatabase> onOpen;
  private final Optional<PooledDatabase> pinned = PinnedDatabase.current();
  private volatile PooledDatabase database;
  private volatile boolean stopRequested;
  private StoppableTransactions taskTransactions;
  private Database forTasks;
  private JdbcTransactions.RollbackScope dryRunScope;
  private ChangeCounter changes;

  /** {@code onOpen} runs once the database is open, before a dry run's transaction begins. */
  public ExecutionDatabase(
      Map<String, String> env, Path localDir, boolean dryRun, Consumer<PooledDatabase> onOpen) {
    this.env = env;
    this.localDir = localDir;
    this.dryRun = dryRun;
    this.onOpen = onOpen;
  }

  /** The settings from the environment; throws {@link DatabaseSettingsException} when invalid. */
  public DatabaseSettings settings() {
    return pinned
        .map(PooledDatabase::settings)
        .orElseGet(() -> DatabaseSettings.fromEnvironment(env, localDir));
  }

  /**
   * The database a test harness pinned to the thread this execution was made on: its connections
   * join the test's transaction, so whatever the execution writes (its record too) is rolled back
   * with the test.
   */
  public Optional<PooledDatabase> pinned() {
    return pinned;
  }

  /** The database, connected and migrated on the first call. */
  public synchronized PooledDatabase get() {
    if (database == null) {
      PooledDatabase opened = pinned.orElseGet(() -> PooledDatabase.open(settings()));
      database = opened;
      // Before the dry run's transaction takes a connection: with a pool of one, the execution
      // record could not get another.
      onOpen.accept(opened);
      if (dryRun && !opened.transactions().inTransactionNow()) {
        changes = new ChangeCounter();
        dryRunScope = opened.jdbcTransactions().openRollbackOnly(changes);
        opened.confineTo(
            Thread.currentThread(),
            "a --dry-run rolls back only the work of the"
                + " thread that first opened the database; work elsewhere would commit for real");
      }
    }
    return database;
  }

  /**
   * What the task gets: the database's task-facing view, with transactions that begin nothing once
   * {@link #requestStop} was called.
   */
  public synchronized Database forTasks() {
    if (forTasks == null) {
      PooledDatabase db = get();
      taskTransactions = new StoppableTransactions(db.transactions(), () -> stopRequested);
      forTasks = new TaskDatabase(taskTransactions, db.connections());
    }
    return forTasks;
  }

  /**
   * The execution was asked to stop: its transactions begin nothing more and the statement {@code
   * worker} is running, if any, is cancelled. Called from the signal handler's thread, so it takes
   * no lock the worker may hold.
   */
  public void requestStop(Thread worker) {
    stopRequested = true;
    PooledDatabase db = database;
    if (db != null) {
      db.jdbcTransactions().stopWorkOf(worker);
    }
  }

  /** Outermost transactions of the task that committed (none before the task used the database). */
  public synchronized long committedTransactions() {
    return taskTransactions == null ? 0 : taskTransactions.committed();
  }

  public synchronized boolean isOpen() {
    return database != null;
  }

  /**
   * Rolls back a dry run and returns the summary of what would have changed; empty when this is not
   * a dry run or the database was never opened.
   */
  public synchronized Optional<String> endDryRun() {
    if (dryRunScope == null) {
      return Optional.empty();
    }
    try {
      dryRunScope.close();
    } catch (RuntimeException e) {
      log.warn("Rolling back the dry run failed: {}", e.getMessage());
    }
    dryRunScope = null;
    return Optional.of(changes.summary());
  }

  /** Rolls back a dry run still open and closes the pool if this execution opened it. */
  @Override
  public synchronized void close() {
    endDryRun();
    if (database != null && pinned.isEmpty()) {
      database.close();
    }
  }
}
