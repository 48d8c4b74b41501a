package dev.runtask.runtime.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * A result set, database metadata or driver-specific interface reached from a transaction's
 * connection: usable only on the owner thread while the transaction lasts; {@code getStatement()}
 * and {@code getConnection()} lead back to the guarded statement and connection; a failed fetch is
 * recorded as a failure of the transaction, like a failed statement.
 */
final class GuardedObject implements InvocationHandler {
  /** ResultSet calls that talk to the server (a fetch can fail and abort the transaction). */
  private static final Set<String> ROUND_TRIPS =
      Set.of(
          "next",
          "previous",
          "first",
          "last",
          "absolute",
          "relative",
          "beforeFirst",
          "afterLast",
          "insertRow",
          "updateRow",
          "deleteRow",
          "refreshRow");

  private final BoundTransaction tx;
  private final Class<?> type;
  private final Object raw;
  private final Statement statement;
  private final String sql;

  private GuardedObject(
      BoundTransaction tx, Class<?> type, Object raw, Statement statement, String sql) {
    this.tx = tx;
    this.type = type;
    this.raw = raw;
    this.statement = statement;
    this.sql = sql;
  }

  static Object wrap(
      BoundTransaction tx, Class<?> type, Object raw, Statement statement, String sql) {
    return Proxy.newProxyInstance(
        GuardedObject.class.getClassLoader(),
        new Class<?>[] {type},
        new GuardedObject(tx, type, raw, statement, sql));
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
        return "Guarded" + type.getSimpleName() + "[" + tx.describe() + "]";
      case "close":
        if (tx.ended) {
          return null; // the connection is back in the pool, which closed what it left open
        }
        break;
      default:
        break;
    }
    JdbcGuard.checkAccess(tx, type.getSimpleName(), name);
    switch (name) {
      case "getStatement":
        if (statement != null) {
          return statement;
        }
        break;
      case "unwrap":
      case "isWrapperFor":
        return JdbcGuard.unwrap(tx, proxy, raw, method, args);
      default:
        break;
    }
    Object result;
    try {
      result = JdbcGuard.invoke(raw, method, args);
    } catch (SQLException e) {
      if (ROUND_TRIPS.contains(name)) {
        tx.recordFailure(sql, e);
      }
      throw e;
    }
    return JdbcGuard.guard(tx, result, statement, sql);
  }
}
