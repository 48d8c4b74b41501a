package dev.runtask.runtime.db;

import dev.runtask.runtime.tx.TransactionOptions;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * The state of the transaction open on one thread. Held in a thread-local so that every {@link
 * JdbcTransactions} and {@link ConnectionProvider} over the same DataSource on that thread joins
 * it, and no other thread ever sees it.
 */
final class BoundTransaction {
  private static final ThreadLocal<BoundTransaction> CURRENT = new ThreadLocal<>();

  static final long NO_DEADLINE = Long.MAX_VALUE;

  final DataSource dataSource;
  final Connection raw;
  final Connection guarded;
  final Thread owner;
  final TransactionOptions options;
  final boolean rollbackOnly;
  final ChangeCounter changes;
  final boolean autoCommitBefore;
  final int isolationBefore;
  final boolean readOnlyBefore;
  long deadlineNanos = NO_DEADLINE;
  int depth;
  int savepoints;
  volatile boolean ended;

  BoundTransaction(
      DataSource dataSource,
      Connection raw,
      TransactionOptions options,
      boolean rollbackOnly,
      ChangeCounter changes,
      boolean autoCommitBefore,
      int isolationBefore,
      boolean readOnlyBefore) {
    this.dataSource = dataSource;
    this.raw = raw;
    this.owner = Thread.currentThread();
    this.options = options;
    this.rollbackOnly = rollbackOnly;
    this.changes = changes;
    this.autoCommitBefore = autoCommitBefore;
    this.isolationBefore = isolationBefore;
    this.readOnlyBefore = readOnlyBefore;
    this.guarded = GuardedConnection.wrap(this);
  }

  static BoundTransaction current() {
    return CURRENT.get();
  }

  void bind() {
    CURRENT.set(this);
  }

  void unbind() {
    ended = true;
    CURRENT.remove();
  }

  String describe() {
    return "the transaction opened by thread '" + owner.getName() + "'";
  }
}
