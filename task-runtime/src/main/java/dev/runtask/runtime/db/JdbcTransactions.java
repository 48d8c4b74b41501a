package dev.runtask.runtime.db;

import dev.runtask.runtime.tx.Isolation;
import dev.runtask.runtime.tx.TransactionConflictException;
import dev.runtask.runtime.tx.TransactionException;
import dev.runtask.runtime.tx.TransactionOptions;
import dev.runtask.runtime.tx.TransactionalWork;
import dev.runtask.runtime.tx.Transactions;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * {@link Transactions} over a JDBC DataSource. The outermost transaction takes a connection, turns
 * autocommit off and binds itself to the calling thread; nested ones are savepoints on the same
 * connection. The original exception of the work always wins: a failing rollback is added to it as
 * suppressed. Autocommit, isolation and read-only are restored before the connection goes back to
 * the pool.
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
    BoundTransaction tx = OutermostTransaction.open(dataSource, options, false, null);
    T result;
    try {
      result = work.execute();
    } catch (Throwable failure) {
      OutermostTransaction.rollbackAndClose(tx, failure);
      throw failure;
    }
    OutermostTransaction.commitAndClose(tx);
    return result;
  }

  @Override
  public boolean inTransactionNow() {
    BoundTransaction current = BoundTransaction.current();
    return current != null && current.dataSource == dataSource;
  }

  /**
   * A stop request for the work of {@code owner}: the statement it is running on a transaction of
   * this DataSource is cancelled (on PostgreSQL the driver sends a cancel request on a connection
   * of its own, so the statement ends at once with an error and the transaction rolls back), and no
   * further statement of that transaction starts. A rollback-only transaction (a test's or a dry
   * run's outer one) keeps serving statements: only the running one is cancelled. Never throws: a
   * failing cancel leaves the stop to the watchdog.
   */
  public void stopWorkOf(Thread owner) {
    BoundTransaction tx = BoundTransaction.openOn(owner);
    if (tx == null || tx.dataSource != dataSource) {
      return;
    }
    if (!tx.rollbackOnly) {
      tx.stopRequested = true;
    }
    Statement running = tx.running;
    if (running == null) {
      return;
    }
    try {
      running.cancel();
    } catch (SQLException | RuntimeException e) {
      // The stop is then the watchdog's.
    }
  }

  /**
   * Opens an outermost transaction on this thread that is only ever rolled back: for tests and dry
   * runs. Everything the thread does through this DataSource until {@link RollbackScope#close()}
   * joins it through savepoints.
   */
  public RollbackScope openRollbackOnly(ChangeCounter changes) {
    if (BoundTransaction.current() != null) {
      throw new TransactionException(
          "a transaction is already open on this thread; a rollback-only scope must be outermost");
    }
    BoundTransaction tx =
        OutermostTransaction.open(dataSource, TransactionOptions.DEFAULTS, true, changes);
    return () -> {
      if (!tx.ended) {
        OutermostTransaction.rollbackAndClose(tx, null);
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
    int enclosingScope = tx.beginScope();
    T result;
    try {
      result = work.execute();
    } catch (Throwable failure) {
      tx.deadlineNanos = outerDeadline;
      rollBackTo(tx, savepoint, enclosingScope, failure);
      throw failure;
    }
    tx.deadlineNanos = outerDeadline;
    StatementFailure swallowed = tx.unresolvedInScope();
    if (swallowed != null) {
      TransactionException failure =
          new TransactionException(
              "nested transaction did not commit: "
                  + swallowed.describe()
                  + " and the work returned normally; rolled back to its savepoint",
              swallowed.error());
      rollBackTo(tx, savepoint, enclosingScope, failure);
      throw failure;
    }
    try {
      tx.raw.releaseSavepoint(savepoint);
    } catch (SQLException e) {
      TransactionException failure =
          new TransactionException(
              "nested transaction did not commit: RELEASE SAVEPOINT failed ("
                  + e.getMessage()
                  + "); rolled back to its savepoint",
              e);
      rollBackTo(tx, savepoint, enclosingScope, failure);
      throw failure;
    }
    tx.endScope(enclosingScope, false);
    return result;
  }

  /**
   * ROLLBACK TO the savepoint, then RELEASE it so the next savepoint is a sibling rather than
   * nested inside this one. If even that fails the transaction is beyond repair: the failure stays
   * recorded, so the outermost transaction rolls back instead of committing.
   */
  private static void rollBackTo(
      BoundTransaction tx, Savepoint savepoint, int enclosingScope, Throwable failure) {
    try {
      tx.raw.rollback(savepoint);
      tx.raw.releaseSavepoint(savepoint);
      tx.endScope(enclosingScope, true);
    } catch (SQLException | RuntimeException rollbackFailure) {
      failure.addSuppressed(rollbackFailure);
      tx.endScope(enclosingScope, false);
      tx.recordFailure(
          "ROLLBACK TO SAVEPOINT",
          rollbackFailure instanceof SQLException
              ? (SQLException) rollbackFailure
              : new SQLException(rollbackFailure.getMessage(), rollbackFailure));
    }
  }

  private static void checkCompatible(BoundTransaction tx, TransactionOptions inner) {
    TransactionOptions outer = tx.options;
    if (inner.isolation() != Isolation.DEFAULT && inner.isolation() != outer.isolation()) {
      throw new TransactionConflictException(
          "nested transaction asks for isolation "
              + inner.isolation()
              + " but the open outer transaction runs with "
              + outer.isolation()
              + "; isolation can only be chosen by the outermost transaction");
    }
    if (!inner.isReadOnly() && outer.isReadOnly()) {
      throw new TransactionConflictException(
          "nested read-write transaction inside a read-only outer transaction; "
              + "open the outer one read-write or run this work outside it");
    }
  }
}
