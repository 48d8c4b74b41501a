package dev.runtask.runtime.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.runtask.runtime.tx.Transactions;
import javax.sql.DataSource;

/**
 * A connected, migrated database: the pool, the {@link Transactions} over it and the {@link
 * ConnectionProvider} repositories use. Opened once per execution, and only when a task asks for
 * it.
 */
public final class Database implements AutoCloseable {
  private final DatabaseSettings settings;
  private final HikariDataSource pool;
  private final JdbcTransactions transactions;
  private final ConnectionProvider connections;
  private final ThreadConfinement confinement = new ThreadConfinement();

  private Database(DatabaseSettings settings, HikariDataSource pool) {
    this.settings = settings;
    this.pool = pool;
    this.transactions = new JdbcTransactions(pool, confinement);
    this.connections = new ConnectionProvider(pool, confinement);
  }

  /** Connects (failing with one clear line if the database is unreachable) and migrates. */
  public static Database open(DatabaseSettings settings) {
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
      Migrations.migrate(settings, pool);
    } catch (RuntimeException e) {
      pool.close();
      throw new DatabaseUnavailableException(
          "cannot migrate the database " + settings + ": " + rootMessage(e), e);
    }
    return new Database(settings, pool);
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  public DatabaseSettings settings() {
    return settings;
  }

  /** The port usecases use. */
  public Transactions transactions() {
    return transactions;
  }

  /** The JDBC implementation, for the runtime's rollback-only scopes (tests, dry runs). */
  public JdbcTransactions jdbcTransactions() {
    return transactions;
  }

  /** What repositories use to get the current connection. */
  public ConnectionProvider connections() {
    return connections;
  }

  /** The pool itself, for runtime code that needs a connection outside any transaction. */
  public DataSource dataSource() {
    return pool;
  }

  /**
   * From now on only {@code thread} may use {@link #transactions()} and {@link #connections()}: a
   * dry run's rollback covers only the thread it was opened on, so work on any other thread would
   * commit for real.
   */
  void confineTo(Thread thread, String reason) {
    confinement.confineTo(thread, reason);
  }

  public boolean isPostgres() {
    return settings.isPostgres();
  }

  @Override
  public void close() {
    pool.close();
  }
}
