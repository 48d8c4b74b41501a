package dev.runtask.runtime.db;

import dev.runtask.runtime.tx.Isolation;
import dev.runtask.runtime.tx.TransactionConflictException;
import dev.runtask.runtime.tx.TransactionException;
import dev.runtask.runtime.tx.TransactionOptions;
import dev.runtask.runtime.tx.TransactionTimeoutException;
import dev.runtask.runtime.tx.TransactionalWork;
import dev.runtask.runtime.tx.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * {@link Transactions} over a JDBC DataSource. The outermost transaction takes a connection,
 * turns autocommit off and binds itself to the calling thread; nested ones are savepoints on the
 * same connection. The original exception of the work always wins: a failing rollback is added to
 * it as suppressed. Autocommit, isolation and read-only are restored before the connection goes
 * back to the pool.
 */
public final class JdbcTransactions implements Transactions {
  private final DataSource dataSource;
  private final ThreadConfinement confinement;

  public JdbcTransactions(DataSource dataSource) {
    this(dataSource, new ThreadConfinement());
  }

  JdbcTransactions(DataSource dataSource, ThreadConfinement confinement) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.confinement = confinement;
  }

  @Override
  public <T, E extends Exception> T inTransaction(
      TransactionOptions options, TransactionalWork<T, E> work) throws E {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(work, "work");
    confinement.check();
    BoundTransaction current = joinable();
    if (current != null) {
      return nested(current, options, work);
    }
    BoundTransaction tx = open(options, false, null);
    T result;
    try {
      result = work.execute();
    } catch (Throwable failure) {
      rollbackAndClose(tx, failure);
      throw failure;
    }
    commitAndClose(tx);
    return result;
  }

  @Override
  public boolean inTransactionNow() {
    BoundTransaction current = BoundTransaction.current();
    return current != null && current.dataSource == dataSource;
  }

  /**
   * Opens an outermost transaction on this thread that is only ever rolled back: for tests and
   * dry runs. Everything the thread does through this DataSource until {@link
   * RollbackScope#close()} joins it through savepoints.
   */
  public RollbackScope openRollbackOnly(ChangeCounter changes) {
    if (BoundTransaction.current() != null) {
      throw new TransactionException(
          "a transaction is already open on this thread; a rollback-only scope must be outermost");
    }
    BoundTransaction tx = open(TransactionOptions.DEFAULTS, true, changes);
    return () -> {
      if (!tx.ended) {
        rollbackAndClose(tx, null);
      }
    };
  }

  /** An open rollback-only transaction; closing it rolls everything back. */
  @FunctionalInterface
  public interface RollbackScope extends AutoCloseable {
    @Override
    void close();
  }

  private BoundTransaction joinable() {
    BoundTransaction current = BoundTransaction.current();
    if (current != null && current.dataSource != dataSource) {
      throw new TransactionException(
          "a transaction on another DataSource is already open on this thread; "
              + "one thread works with one database at a time");
    }
    return current;
  }

  private BoundTransaction open(
      TransactionOptions options, boolean rollbackOnly, ChangeCounter changes) {
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
      tx = new BoundTransaction(
          dataSource, raw, options, rollbackOnly, changes, autoCommit, isolationBefore,
          readOnlyBefore);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(raw, e);
      throw new TransactionException("cannot begin a transaction: " + e.getMessage(), e);
    }
    options.timeout().ifPresent(t -> tx.deadlineNanos = System.nanoTime() + t.toNanos());
    tx.bind();
    return tx;
  }

  private <T, E extends Exception> T nested(
      BoundTransaction tx, TransactionOptions options, TransactionalWork<T, E> work) throws E {
    checkCompatible(tx, options);
    long outerDeadline = tx.deadlineNanos;
    if (options.timeout().isPresent()) {
      long inner = System.nanoTime() + options.timeout().get().toNanos();
      tx.deadlineNanos = Math.min(outerDeadline, inner);
    }
    Savepoint savepoint;
    try {
      savepoint = tx.raw.setSavepoint("runtask_sp_" + (++tx.savepoints));
    } catch (SQLException e) {
      tx.deadlineNanos = outerDeadline;
      throw new TransactionException("cannot set a savepoint: " + e.getMessage(), e);
    }
    tx.depth++;
    T result;
    try {
      result = work.execute();
    } catch (Throwable failure) {
      tx.depth--;
      tx.deadlineNanos = outerDeadline;
      try {
        tx.raw.rollback(savepoint);
        // Released too, so the next savepoint is a sibling rather than nested inside this one.
        tx.raw.releaseSavepoint(savepoint);
      } catch (SQLException | RuntimeException rollbackFailure) {
        failure.addSuppressed(rollbackFailure);
      }
      throw failure;
    }
    tx.depth--;
    tx.deadlineNanos = outerDeadline;
    try {
      tx.raw.releaseSavepoint(savepoint);
    } catch (SQLException e) {
      throw new TransactionException(
          "cannot release savepoint (did the work swallow a database error?): " + e.getMessage(),
          e);
    }
    return result;
  }

  private static void checkCompatible(BoundTransaction tx, TransactionOptions inner) {
    TransactionOptions outer = tx.options;
    if (inner.isolation() != Isolation.DEFAULT && inner.isolation() != outer.isolation()) {
      throw new TransactionConflictException(
          "nested transaction asks for isolation " + inner.isolation()
              + " but the open outer transaction runs with " + outer.isolation()
              + "; isolation can only be chosen by the outermost transaction");
    }
    if (!inner.isReadOnly() && outer.isReadOnly()) {
      throw new TransactionConflictException(
          "nested read-write transaction inside a read-only outer transaction; "
              + "open the outer one read-write or run this work outside it");
    }
  }

  private static void commitAndClose(BoundTransaction tx) {
    RuntimeException failure = null;
    try {
      if (tx.rollbackOnly) {
        tx.raw.rollback();
      } else {
        if (tx.deadlineNanos != BoundTransaction.NO_DEADLINE
            && System.nanoTime() - tx.deadlineNanos > 0) {
          failure = new TransactionTimeoutException(
              "transaction timeout of " + tx.options.timeout().orElseThrow()
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

  private static void rollbackAndClose(BoundTransaction tx, Throwable failure) {
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
