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

  /** COMMIT (ROLLBACK when rollback-only or past the deadline), then restore and close. */
  static void commitAndClose(BoundTransaction tx) {
    RuntimeException failure = null;
    try {
      if (tx.rollbackOnly) {
        tx.raw.rollback();
      } else {
        if (tx.deadlineNanos != BoundTransaction.NO_DEADLINE
            && System.nanoTime() - tx.deadlineNanos > 0) {
          failure =
              new TransactionTimeoutException(
                  "transaction timeout of "
                      + tx.options.timeout().orElseThrow()
                      + " exceeded before commit; rolled back");
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
