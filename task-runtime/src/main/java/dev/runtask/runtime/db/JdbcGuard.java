package dev.runtask.runtime.db;

import dev.runtask.runtime.tx.TransactionTimeoutException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the guarded JDBC wrappers share: the owner-thread and ended checks, and wrapping every JDBC
 * object a call returns, so that nothing reachable from a transaction's connection leads to the
 * driver's own objects (whose {@code getConnection().commit()} would go straight through).
 */
final class JdbcGuard {
  private JdbcGuard() {}

  /** Refuses use after the transaction ended and from any thread but its owner. */
  static void checkAccess(BoundTransaction tx, String type, String method) {
    if (tx.ended) {
      throw new IllegalStateException(
          type
              + "."
              + method
              + "() on a connection whose transaction has already ended; "
              + "get a fresh one from ConnectionProvider.current()");
    }
    Thread caller = Thread.currentThread();
    if (caller != tx.owner) {
      throw new IllegalStateException(
          type
              + "."
              + method
              + "() called from thread '"
              + caller.getName()
              + "' on a connection bound to "
              + tx.describe()
              + "; a transaction is confined to its thread: open a separate transaction "
              + "on the worker thread instead");
    }
  }

  /** No new statement starts after the transaction's deadline. */
  static void checkDeadline(BoundTransaction tx) {
    if (tx.deadlineNanos != BoundTransaction.NO_DEADLINE
        && System.nanoTime() - tx.deadlineNanos > 0) {
      throw new TransactionTimeoutException(
          "transaction timeout of "
              + tx.options.timeout().orElseThrow()
              + " exceeded; no further statements are allowed");
    }
  }

  static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /**
   * The value a call returned, wrapped when it is a JDBC object that can lead back to the
   * connection: connections become the guarded connection; statements, result sets (also those a
   * {@code getObject} returns, such as a ref cursor), arrays and metadata guarded wrappers. Decided
   * by the value, not the declared type, so nothing slips out as {@code Object}. {@code statement}
   * is the guarded statement a result set belongs to (null when not known) and {@code sql} its SQL.
   */
  static Object guard(BoundTransaction tx, Object value, Statement statement, String sql) {
    if (value == null) {
      return null;
    }
    if (value instanceof Connection) {
      return tx.guarded;
    }
    if (value instanceof Statement) {
      return GuardedStatement.wrap(tx, (Statement) value, null);
    }
    if (value instanceof ResultSet) {
      return GuardedObject.wrap(tx, ResultSet.class, value, statement, sql);
    }
    if (value instanceof DatabaseMetaData) {
      return GuardedObject.wrap(tx, DatabaseMetaData.class, value, null, null);
    }
    if (value instanceof Array) {
      return GuardedObject.wrap(tx, Array.class, value, null, null);
    }
    return value;
  }

  /**
   * {@code unwrap} and {@code isWrapperFor} on a guarded object: the guarded object itself for the
   * JDBC interface it implements, a guarded wrapper for any other interface (for example
   * org.postgresql.PGConnection), and a refusal for a class, which cannot be wrapped.
   */
  static Object unwrap(BoundTransaction tx, Object proxy, Object raw, Method method, Object[] args)
      throws Throwable {
    Class<?> type = (Class<?>) args[0];
    if (method.getName().equals("isWrapperFor")) {
      return type.isInstance(proxy) || (Boolean) invoke(raw, method, args);
    }
    if (type.isInstance(proxy)) {
      return proxy;
    }
    if (!type.isInterface()) {
      throw new SQLException(
          "unwrap("
              + type.getName()
              + ") would hand out the driver's own object and bypass the transaction's guard;"
              + " unwrap to an interface such as org.postgresql.PGConnection instead");
    }
    return GuardedObject.wrap(tx, type, invoke(raw, method, args), null, null);
  }
}
