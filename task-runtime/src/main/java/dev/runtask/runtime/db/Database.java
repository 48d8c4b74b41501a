package dev.runtask.runtime.db;

import dev.runtask.runtime.tx.Transactions;

/**
 * The database as a task sees it: the transaction port for usecases and the connection provider for
 * repositories. Nothing else: the pool behind them stays with the runtime, so a task cannot step
 * around dry-run rollback, the test transaction or the thread guard.
 */
public interface Database {
  /** The port usecases use. */
  Transactions transactions();

  /** What repositories use to get the current connection. */
  ConnectionProvider connections();
}
