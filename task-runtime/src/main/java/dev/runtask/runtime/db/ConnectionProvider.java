package dev.runtask.runtime.db;

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
}
