package dev.runtask.runtime.db;

import dev.runtask.runtime.tx.Isolation;
import dev.runtask.runtime.tx.TransactionException;
import dev.runtask.runtime.tx.TransactionOptions;
import dev.runtask.runtime.tx.TransactionTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Begin and end of an outermost transaction on a pooled connection: BEGIN by turning autocommit
 * off, COMMIT or ROLLBACK, then autocommit, isolation and read-only restored before the connection
 * goes back to the pool. Failures after the work's own are attached to it as suppressed.
 */
final class OutermostTransaction {
  private OutermostTransaction() {}

  /** Takes a connection, applies the options, turns autocommit off and binds it to this thread. */
  static BoundTransaction open(
      DataSource dataSource,
      TransactionOptions options,
      boolean rollbackOnly,
      ChangeCounter changes) {
    Connection raw;
    try {
      raw = dataSource.getConnection();
    } catch (SQLException e) {
      throw new TransactionException("cannot get a database connection: " + e.getMessage(), e);
    }
    BoundTransaction tx;
    try {
      boolean autoCommit = raw.getAutoCommit();
      int isolationBefore = -1;
      if (options.isolation() != Isolation.DEFAULT) {
        isolationBefore = raw.getTransactionIsolation();
        raw.setTransactionIsolation(jdbcLevel(options.isolation()));
      }
      boolean readOnlyBefore = false;
      if (options.isReadOnly()) {
        readOnlyBefore = raw.isReadOnly();
        raw.setReadOnly(true);
      }
      if (autoCommit) {
        raw.setAutoCommit(false);
      }
      tx =
          new BoundTransaction(
              dataSource,
              raw,
              options,
              rollbackOnly,
              changes,
              autoCommit,
              isolationBefore,
              readOnlyBefore);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(raw, e);
      throw new TransactionException("cannot begin a transaction: " + e.getMessage(), e);
    }
    options.timeout().ifPresent(t -> tx.deadlineNanos = System.nanoTime() + t.toNanos());
    tx.bind();
    return tx;
  }

  /**
   * COMMIT, then restore and close. Rolls back instead (and says so with an exception) when the
   * transaction is rollback-only (no exception), past its deadline, or cannot commit: a statement
   * failed and its error was swallowed by the work, or PostgreSQL has aborted the transaction — the
   * cases where a plain COMMIT would report success and keep nothing (PostgreSQL) or keep the rest
   * without the failed statement (H2).
   */
  static void commitAndClose(BoundTransaction tx) {
    RuntimeException failure = null;
    try {
      if (tx.rollbackOnly) {
        tx.raw.rollback();
      } else {
        failure = reasonNotToCommit(tx);
        if (failure != null) {
          tx.raw.rollback();
        } else {
          tx.raw.commit();
        }
      }
    } catch (SQLException e) {
      failure = new TransactionException("commit failed: " + e.getMessage(), e);
      try {
        tx.raw.rollback();
      } catch (SQLException rollbackFailure) {
        failure.addSuppressed(rollbackFailure);
      }
    }
    restoreAndClose(tx, failure);
    if (failure != null) {
      throw failure;
    }
  }

  private static RuntimeException reasonNotToCommit(BoundTransaction tx) throws SQLException {
    if (tx.deadlineNanos != BoundTransaction.NO_DEADLINE
        && System.nanoTime() - tx.deadlineNanos > 0) {
      return new TransactionTimeoutException(
          "transaction timeout of "
              + tx.options.timeout().orElseThrow()
              + " exceeded before commit; rolled back");
    }
    StatementFailure swallowed = tx.unresolved();
    if (swallowed != null) {
      return new TransactionException(
          "commit did not commit: "
              + swallowed.describe()
              + " earlier in this transaction and the error was swallowed; everything was rolled"
              + " back. Let the error propagate, or run the statement in a nested inTransaction"
              + " to go on without it",
          swallowed.error());
    }
    if (PostgresSession.isAborted(tx.raw)) {
      return new TransactionException(
          "commit did not commit: PostgreSQL aborted this transaction after an error that was"
              + " swallowed (outside the guarded statements, e.g. COPY); everything was rolled"
              + " back");
    }
    return null;
  }

  /** ROLLBACK, then restore and close; secondary failures are added to {@code failure}. */
  static void rollbackAndClose(BoundTransaction tx, Throwable failure) {
    try {
      tx.raw.rollback();
    } catch (SQLException | RuntimeException rollbackFailure) {
      if (failure != null) {
        failure.addSuppressed(rollbackFailure);
      }
    }
    restoreAndClose(tx, failure);
  }

  private static void restoreAndClose(BoundTransaction tx, Throwable failure) {
    tx.unbind();
    try {
      if (tx.autoCommitBefore) {
        tx.raw.setAutoCommit(true);
      }
      if (tx.options.isReadOnly()) {
        tx.raw.setReadOnly(tx.readOnlyBefore);
      }
      if (tx.isolationBefore >= 0) {
        tx.raw.setTransactionIsolation(tx.isolationBefore);
      }
    } catch (SQLException | RuntimeException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    } finally {
      closeQuietly(tx.raw, failure);
    }
  }

  private static void closeQuietly(Connection connection, Throwable failure) {
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    }
  }

  private static int jdbcLevel(Isolation isolation) {
    switch (isolation) {
      case READ_COMMITTED:
        return Connection.TRANSACTION_READ_COMMITTED;
      case REPEATABLE_READ:
        return Connection.TRANSACTION_REPEATABLE_READ;
      case SERIALIZABLE:
        return Connection.TRANSACTION_SERIALIZABLE;
      default:
        throw new IllegalArgumentException("no JDBC level for " + isolation);
    }
  }
}
