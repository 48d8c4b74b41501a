package dev.runtask.runtime.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * A statement of a transaction: usable only on the owner thread while the transaction lasts, {@code
 * getConnection()} is the guarded connection, its result sets are guarded too. Every execution
 * passes through {@link #execute}: it refuses to start past the transaction's deadline, is findable
 * as the transaction's running statement while it runs, records a failure with the transaction (so
 * a swallowed error cannot be committed) and adds update counts to a dry run's {@link
 * ChangeCounter}.
 */
final class GuardedStatement implements InvocationHandler {
  private final BoundTransaction tx;
  private final Statement raw;
  private final String preparedSql;

  private GuardedStatement(BoundTransaction tx, Statement raw, String preparedSql) {
    this.tx = tx;
    this.raw = raw;
    this.preparedSql = preparedSql;
  }

  /**
   * Wraps {@code raw}; {@code preparedSql} is the SQL it was prepared with, null for a plain one.
   */
  static Statement wrap(BoundTransaction tx, Statement raw, String preparedSql) {
    Class<?> type =
        raw instanceof CallableStatement
            ? CallableStatement.class
            : raw instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
    return (Statement)
        Proxy.newProxyInstance(
            GuardedStatement.class.getClassLoader(),
            new Class<?>[] {type},
            new GuardedStatement(tx, raw, preparedSql));
  }

  /** Gives a new statement the rest of the transaction's time as its query timeout. */
  static void applyTimeout(BoundTransaction tx, Statement statement) throws SQLException {
    if (tx.deadlineNanos != BoundTransaction.NO_DEADLINE) {
      long remaining = tx.deadlineNanos - System.nanoTime();
      statement.setQueryTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(remaining) + 1));
    }
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
        return "GuardedStatement[" + tx.describe() + "]";
      case "close":
        if (tx.ended) {
          return null; // the connection is back in the pool, which closed what it left open
        }
        break;
      default:
        break;
    }
    JdbcGuard.checkAccess(tx, "Statement", name);
    switch (name) {
      case "getConnection":
        return tx.guarded;
      case "unwrap":
      case "isWrapperFor":
        return JdbcGuard.unwrap(tx, proxy, raw, method, args);
      case "execute":
      case "executeQuery":
      case "executeUpdate":
      case "executeLargeUpdate":
      case "executeBatch":
      case "executeLargeBatch":
        return execute((Statement) proxy, method, args);
      default:
        Object result = JdbcGuard.invoke(raw, method, args);
        return JdbcGuard.guard(tx, result, (Statement) proxy, preparedSql);
    }
  }

  private Object execute(Statement proxy, Method method, Object[] args) throws Throwable {
    JdbcGuard.checkDeadline(tx);
    String sql =
        args != null && args.length > 0 && args[0] instanceof String
            ? (String) args[0]
            : preparedSql;
    Object result;
    tx.running = raw;
    try {
      if (tx.stopRequested) {
        throw new SQLException(
            "stop requested: statement not started, the transaction rolls back", "57014");
      }
      result = JdbcGuard.invoke(raw, method, args);
    } catch (SQLException e) {
      tx.recordFailure(sql, e);
      throw e;
    } finally {
      tx.running = null;
    }
    if (tx.changes != null) {
      count(method.getName(), sql, result);
    }
    return JdbcGuard.guard(tx, result, proxy, sql);
  }

  private void count(String method, String sql, Object result) throws SQLException {
    switch (method) {
      case "executeUpdate":
      case "executeLargeUpdate":
        tx.changes.record(sql, ((Number) result).longValue());
        break;
      case "execute":
        tx.changes.record(sql, raw.getUpdateCount());
        break;
      case "executeBatch":
        for (int n : (int[]) result) {
          tx.changes.record(preparedSql, n);
        }
        break;
      case "executeLargeBatch":
        for (long n : (long[]) result) {
          tx.changes.record(preparedSql, n);
        }
        break;
      default:
        break;
    }
  }
}
