package dev.runtask.runtime.db;

import dev.runtask.runtime.tx.StopRequestedException;
import dev.runtask.runtime.tx.TransactionOptions;
import dev.runtask.runtime.tx.TransactionalWork;
import dev.runtask.runtime.tx.Transactions;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The transactions of one execution: begins nothing once the execution was asked to stop, and
 * counts the outermost transactions that committed, so a stopped run can say how far it got.
 */
final class StoppableTransactions implements Transactions {
  private final Transactions delegate;
  private final BooleanSupplier stopRequested;
  private final AtomicLong committed = new AtomicLong();

  StoppableTransactions(Transactions delegate, BooleanSupplier stopRequested) {
    this.delegate = delegate;
    this.stopRequested = stopRequested;
  }

  @Override
  public <T, E extends Exception> T inTransaction(
      TransactionOptions options, TransactionalWork<T, E> work) throws E {
    if (stopRequested.getAsBoolean()) {
      throw new StopRequestedException("stop requested: no new transaction is begun");
    }
    boolean outermost = !delegate.inTransactionNow();
    T result = delegate.inTransaction(options, work);
    if (outermost) {
      committed.incrementAndGet();
    }
    return result;
  }

  @Override
  public boolean inTransactionNow() {
    return delegate.inTransactionNow();
  }

  @Override
  public boolean isStopRequested() {
    return stopRequested.getAsBoolean();
  }

  long committed() {
    return committed.get();
  }
}
