package dev.runtask.runtime.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Asks pgjdbc whether the server has aborted the connection's transaction (an error since BEGIN
 * that was not rolled back to a savepoint). COMMIT on such a transaction is answered with ROLLBACK
 * and pgjdbc reports success; the driver already tracks the state from the server's replies, so the
 * question costs no round trip. This catches failures of driver objects the guarded wrappers cannot
 * see, such as a COPY through {@code PGConnection.getCopyAPI()}.
 */
final class PostgresSession {
  private PostgresSession() {}

  /** True when {@code connection} is a PostgreSQL connection in an aborted transaction. */
  static boolean isAborted(Connection connection) throws SQLException {
    return connection.isWrapperFor(BaseConnection.class)
        && connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.FAILED;
  }
}
