package dev.runtask.runtime.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.runtask.runtime.tx.Transactions;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A connected, migrated database: the pool, the {@link Transactions} over it and the {@link
 * ConnectionProvider} repositories use. Opened once per execution, and only when a task asks for
 * it. The runtime and test harnesses use this class; tasks only ever see {@link #forTasks()}.
 */
public final class PooledDatabase implements Database, AutoCloseable {
  private final DatabaseSettings settings;
  private final HikariDataSource pool;
  private final JdbcTransactions transactions;
  private final ConnectionProvider connections;
  private final ThreadConfinement confinement = new ThreadConfinement();
  private final Database forTasks;

  private PooledDatabase(DatabaseSettings settings, HikariDataSource pool) {
    this.settings = settings;
    this.pool = pool;
    this.transactions = new JdbcTransactions(pool, confinement);
    this.connections = new ConnectionProvider(pool, confinement);
    this.forTasks = new TaskDatabase(transactions, connections);
  }

  /**
   * Connects (failing with one clear line if the database is unreachable) and migrates. Migrations
   * run on connections of their own, so a pool of one connection is enough for the task.
   */
  public static PooledDatabase open(DatabaseSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    if (settings.user() != null) {
      config.setUsername(settings.user());
    }
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(1);
    config.setPoolName("runtask-db");
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(1);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new DatabaseUnavailableException(
          "cannot connect to the database " + settings + ": " + rootMessage(e), e);
    }
    try {
      Migrations.migrate(settings);
    } catch (RuntimeException e) {
      pool.close();
      throw new DatabaseUnavailableException(
          "cannot migrate the database " + settings + ": " + rootMessage(e), e);
    }
    return new PooledDatabase(settings, pool);
  }

  /** The first line of the innermost cause, with any credentials masked. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return DatabaseUrls.mask(message.lines().findFirst().orElse(message));
  }

  public DatabaseSettings settings() {
    return settings;
  }

  @Override
  public Transactions transactions() {
    return transactions;
  }

  /** The JDBC implementation, for the runtime's rollback-only scopes (tests, dry runs). */
  public JdbcTransactions jdbcTransactions() {
    return transactions;
  }

  @Override
  public ConnectionProvider connections() {
    return connections;
  }

  /** The view a task gets from {@code TaskContext.database()}: no pool, no settings. */
  public Database forTasks() {
    return forTasks;
  }

  /** The pool itself, for runtime code that needs a connection outside any transaction. */
  public DataSource dataSource() {
    return pool;
  }

  /**
   * Until the returned confinement is released, only {@code thread} (and the threads of other
   * confinements in force) may use {@link #transactions()} and {@link #connections()}: a dry run's
   * or a test's rollback covers only the thread it was opened on, so work on any other thread would
   * commit for real. {@code reason} ends the refusal message.
   */
  public Confinement confineTo(Thread thread, String reason) {
    return confinement.confineTo(thread, reason);
  }

  /** A thread confinement in force; releasing it tells whether anything was refused meanwhile. */
  @FunctionalInterface
  public interface Confinement {
    /** Lifts the confinement; returns the message of the first refused use, if there was one. */
    Optional<String> release();
  }

  public boolean isPostgres() {
    return settings.isPostgres();
  }

  @Override
  public void close() {
    pool.close();
  }
}
