package dev.runtask.runtime.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Set;

/**
 * The connection repositories get while a transaction is open: it refuses use from any thread but
 * the owner's or after the transaction ended, ignores close (the transaction owns it), refuses
 * explicit commit/rollback (the owner of the outermost transaction decides), and hands out only
 * guarded statements and metadata, which lead back to it and apply the transaction's timeout.
 */
final class GuardedConnection implements InvocationHandler {
  private static final Set<String> OWNED_BY_TRANSACTION =
      Set.of("commit", "rollback", "setAutoCommit", "setTransactionIsolation", "setReadOnly");

  private final BoundTransaction tx;

  private GuardedConnection(BoundTransaction tx) {
    this.tx = tx;
  }

  static Connection wrap(BoundTransaction tx) {
    return (Connection)
        Proxy.newProxyInstance(
            GuardedConnection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new GuardedConnection(tx));
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
        return "GuardedConnection[" + tx.describe() + "]";
      case "close":
        return null;
      case "isClosed":
        return tx.ended;
      default:
        break;
    }
    JdbcGuard.checkAccess(tx, "Connection", name);
    boolean toSavepoint = name.equals("rollback") && args != null && args.length == 1;
    if (OWNED_BY_TRANSACTION.contains(name) && !toSavepoint) {
      throw new IllegalStateException(
          "Connection."
              + name
              + "() called on a connection managed by Transactions; "
              + "let inTransaction(...) commit or roll back (return normally or throw)");
    }
    switch (name) {
      case "createStatement":
      case "prepareStatement":
      case "prepareCall":
        return statement(method, args);
      case "unwrap":
      case "isWrapperFor":
        return JdbcGuard.unwrap(tx, proxy, tx.raw, method, args);
      default:
        break;
    }
    Object result = JdbcGuard.invoke(tx.raw, method, args);
    switch (name) {
      case "setSavepoint":
        tx.workSavepointSet((Savepoint) result);
        break;
      case "rollback":
        tx.workSavepointRolledBack((Savepoint) args[0]);
        break;
      case "releaseSavepoint":
        tx.workSavepointReleased((Savepoint) args[0]);
        break;
      default:
        break;
    }
    return JdbcGuard.guard(tx, result, null, null);
  }

  private Statement statement(Method method, Object[] args) throws Throwable {
    JdbcGuard.checkDeadline(tx);
    Statement statement = (Statement) JdbcGuard.invoke(tx.raw, method, args);
    GuardedStatement.applyTimeout(tx, statement);
    String sql =
        args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : null;
    return GuardedStatement.wrap(tx, statement, sql);
  }
}
