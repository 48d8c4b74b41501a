package dev.runtask.runtime.db;

import dev.runtask.runtime.tx.DataAccessException;
import dev.runtask.runtime.tx.TransactionException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What repositories ask for a connection. Inside a transaction on this thread it is that
 * transaction's connection (closing it does nothing); otherwise a pooled autocommit connection
 * (closing it returns it to the pool). Either way: {@code try (Connection c = provider.current())}.
 */
public final class ConnectionProvider {
  private final DataSource dataSource;
  private final ThreadConfinement confinement;

  public ConnectionProvider(DataSource dataSource) {
    this(dataSource, new ThreadConfinement());
  }

  ConnectionProvider(DataSource dataSource, ThreadConfinement confinement) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.confinement = confinement;
  }

  /** The current connection for this thread; close it when done. */
  public Connection current() throws SQLException {
    confinement.check();
    BoundTransaction tx = BoundTransaction.current();
    if (tx == null) {
      return dataSource.getConnection();
    }
    if (tx.dataSource != dataSource) {
      throw new TransactionException(
          "a transaction on another DataSource is open on this thread; "
              + "one thread works with one database at a time");
    }
    return tx.guarded;
  }

  /**
   * Runs {@code work} on the current connection and closes it; a {@link SQLException} comes out as
   * a {@link DataAccessException}, so repository methods need no JDBC types in their signatures.
   */
  public <T> T withConnection(SqlWork<T> work) {
    try (Connection c = current()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /** The JDBC exception as a {@link DataAccessException} (first line of the message). */
  public static DataAccessException translate(SQLException e) {
    String message =
        e.getMessage() == null
            ? e.getClass().getSimpleName()
            : e.getMessage().lines().findFirst().orElse("");
    return new DataAccessException(message, e.getSQLState(), e);
  }
}
