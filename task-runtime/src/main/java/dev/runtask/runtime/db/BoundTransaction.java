package dev.runtask.runtime.db;

import dev.runtask.runtime.tx.TransactionOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The state of the transaction open on one thread. Held in a thread-local so that every {@link
 * JdbcTransactions} and {@link ConnectionProvider} over the same DataSource on that thread joins
 * it, and no other thread ever sees it.
 *
 * <p>It also knows which statements failed and were not undone yet: every statement runs through
 * the guarded wrappers, which record failures here, and a failure counts as undone only once a
 * ROLLBACK TO SAVEPOINT taken before it succeeded. A scope that ends normally with such a failure
 * swallowed may not release or commit: on PostgreSQL the transaction is aborted and COMMIT would
 * silently roll back; on H2 the rest would commit without the failed statement.
 */
final class BoundTransaction {
  private static final ThreadLocal<BoundTransaction> CURRENT = new ThreadLocal<>();

  /** The same, findable from other threads: a stop request cancels what its owner is running. */
  private static final Map<Thread, BoundTransaction> OPEN = new ConcurrentHashMap<>();

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
  int savepoints;
  volatile boolean ended;

  /**
   * The statement executing right now on the owner thread, null between statements. Volatile
   * because it is there to be found from another thread: a stop request cancels it (issue 10).
   */
  volatile Statement running;

  /**
   * Set by a stop request: no further statement starts. Read by the owner after it published {@link
   * #running}, written by the stopper before it reads it, so one of them always sees the other
   * (both volatile).
   */
  volatile boolean stopRequested;

  /** Failures not undone yet, at most the first one of each open scope (see recordFailure). */
  private final List<StatementFailure> failures = new ArrayList<>(2);

  /** {@code failures.size()} when the innermost open scope began. */
  private int scopeStart;

  /** Savepoints the work set itself, with {@code failures.size()} when each was set. */
  private Map<Savepoint, Integer> workSavepoints;

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

  /** The transaction open on {@code thread}, if any. */
  static BoundTransaction openOn(Thread thread) {
    return OPEN.get(thread);
  }

  void bind() {
    CURRENT.set(this);
    OPEN.put(owner, this);
  }

  void unbind() {
    ended = true;
    CURRENT.remove();
    OPEN.remove(owner, this);
  }

  String describe() {
    return "the transaction opened by thread '" + owner.getName() + "'";
  }

  /** A statement failed; only the first failure of a scope is kept, it is the one to report. */
  void recordFailure(String sql, SQLException error) {
    if (failures.size() == scopeStart) {
      failures.add(new StatementFailure(sql, error));
    }
  }

  /** Begins a nested scope; returns what {@link #endScope} needs to restore the enclosing one. */
  int beginScope() {
    int enclosing = scopeStart;
    scopeStart = failures.size();
    return enclosing;
  }

  /** The first failure of the innermost scope that was not undone, or null. */
  StatementFailure unresolvedInScope() {
    return failures.size() > scopeStart ? failures.get(scopeStart) : null;
  }

  /**
   * Ends the innermost scope; {@code rolledBack} when its savepoint was rolled back, which undoes
   * its failures. When that rollback failed they stay and belong to the enclosing scope.
   */
  void endScope(int enclosing, boolean rolledBack) {
    if (rolledBack) {
      truncate(scopeStart);
    }
    scopeStart = enclosing;
  }

  /** The first failure of the whole transaction that was not undone, or null. */
  StatementFailure unresolved() {
    return failures.isEmpty() ? null : failures.get(0);
  }

  /** The work set a savepoint of its own on the guarded connection. */
  void workSavepointSet(Savepoint savepoint) {
    if (workSavepoints == null) {
      workSavepoints = new IdentityHashMap<>();
    }
    workSavepoints.put(savepoint, failures.size());
  }

  /** The work rolled back to its own savepoint: failures after it are undone. */
  void workSavepointRolledBack(Savepoint savepoint) {
    Integer mark = workSavepoints == null ? null : workSavepoints.get(savepoint);
    if (mark != null) {
      truncate(mark);
      scopeStart = Math.min(scopeStart, failures.size());
    }
  }

  void workSavepointReleased(Savepoint savepoint) {
    if (workSavepoints != null) {
      workSavepoints.remove(savepoint);
    }
  }

  private void truncate(int size) {
    if (failures.size() > size) {
      failures.subList(size, failures.size()).clear();
    }
  }
}
