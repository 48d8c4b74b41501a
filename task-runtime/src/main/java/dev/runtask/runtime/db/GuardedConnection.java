package dev.runtask.runtime.db;

import dev.runtask.runtime.tx.TransactionTimeoutException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The connection repositories get while a transaction is open: it refuses use from any thread but
 * the owner's or after the transaction ended, ignores close (the transaction owns it), refuses
 * explicit commit/rollback (the owner of the outermost transaction decides), and applies the
 * transaction's timeout to each statement.
 */
final class GuardedConnection implements InvocationHandler {
  private static final Set<String> OWNED_BY_TRANSACTION =
      Set.of("commit", "rollback", "setAutoCommit", "setTransactionIsolation", "setReadOnly");
  private static final Set<String> STATEMENT_FACTORIES =
      Set.of("createStatement", "prepareStatement", "prepareCall");

  private final BoundTransaction transaction;

  private GuardedConnection(BoundTransaction transaction) {
    this.transaction = transaction;
  }

  static Connection wrap(BoundTransaction transaction) {
    return (Connection)
        Proxy.newProxyInstance(
            GuardedConnection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new GuardedConnection(transaction));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    switch (name) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "GuardedConnection[" + transaction.describe() + "]";
      case "close":
        return null;
      case "isClosed":
        return transaction.ended;
      default:
        break;
    }
    checkAccess(name);
    boolean toSavepoint = name.equals("rollback") && args != null && args.length == 1;
    if (OWNED_BY_TRANSACTION.contains(name) && !toSavepoint) {
      throw new IllegalStateException(
          "Connection."
              + name
              + "() called on a connection managed by Transactions; "
              + "let inTransaction(...) commit or roll back (return normally or throw)");
    }
    boolean factory = STATEMENT_FACTORIES.contains(name);
    if (factory) {
      checkDeadline();
    }
    Object result;
    try {
      result = method.invoke(transaction.raw, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    if (factory) {
      return decorate((Statement) result, args);
    }
    return result;
  }

  private void checkAccess(String method) {
    if (transaction.ended) {
      throw new IllegalStateException(
          "Connection."
              + method
              + "() on a connection whose transaction has already ended; "
              + "get a fresh one from ConnectionProvider.current()");
    }
    Thread caller = Thread.currentThread();
    if (caller != transaction.owner) {
      throw new IllegalStateException(
          "Connection."
              + method
              + "() called from thread '"
              + caller.getName()
              + "' on a connection bound to "
              + transaction.describe()
              + "; a transaction is confined to its thread: open a separate transaction "
              + "on the worker thread instead");
    }
  }

  private void checkDeadline() {
    if (transaction.deadlineNanos != BoundTransaction.NO_DEADLINE
        && System.nanoTime() - transaction.deadlineNanos > 0) {
      throw new TransactionTimeoutException(
          "transaction timeout of "
              + transaction.options.timeout().orElseThrow()
              + " exceeded; no further statements are allowed");
    }
  }

  private Statement decorate(Statement statement, Object[] args) throws Exception {
    if (transaction.deadlineNanos != BoundTransaction.NO_DEADLINE) {
      long remaining = transaction.deadlineNanos - System.nanoTime();
      statement.setQueryTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(remaining) + 1));
    }
    if (transaction.changes != null) {
      String preparedSql =
          args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : null;
      return CountingStatement.wrap(statement, preparedSql, transaction.changes);
    }
    return statement;
  }
}
