package dev.runtask.runtime.tx;

/**
 * The transaction port usecases see: run work in a transaction without any JDBC type.
 *
 * <p>With no transaction open on the calling thread the work runs in a new one (BEGIN, COMMIT on
 * success, ROLLBACK on any exception). Inside an open one it runs in a nested transaction
 * (SAVEPOINT, RELEASE on success, ROLLBACK TO and rethrow on failure) and the outer owner commits.
 * A transaction belongs to the thread that opened it: work on other threads never joins it.
 */
public interface Transactions {

  /** Runs {@code work} in a transaction with {@code options} and returns its result. */
  <T, E extends Exception> T inTransaction(TransactionOptions options, TransactionalWork<T, E> work)
      throws E;

  /** Runs {@code work} in a read-write transaction with default isolation and no timeout. */
  default <T, E extends Exception> T inTransaction(TransactionalWork<T, E> work) throws E {
    return inTransaction(TransactionOptions.DEFAULTS, work);
  }

  /** Runs {@code action}, which returns nothing, in a transaction with {@code options}. */
  default <E extends Exception> void runInTransaction(
      TransactionOptions options, TransactionalAction<E> action) throws E {
    inTransaction(
        options,
        () -> {
          action.run();
          return null;
        });
  }

  /** Runs {@code action}, which returns nothing, in a default transaction. */
  default <E extends Exception> void runInTransaction(TransactionalAction<E> action) throws E {
    runInTransaction(TransactionOptions.DEFAULTS, action);
  }

  /** Whether a transaction is open on the calling thread. */
  boolean inTransactionNow();

  /**
   * Whether the execution these transactions belong to was asked to stop: from then on {@link
   * #inTransaction} throws {@link StopRequestedException} instead of beginning anything, and loops
   * such as {@link Batches#inChunks} end at the next boundary.
   */
  default boolean isStopRequested() {
    return false;
  }
}
