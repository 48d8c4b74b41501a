package dev.runtask.runtime.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.Statement;

/** Wraps a statement so the update counts it reports are added to a {@link ChangeCounter}. */
final class CountingStatement implements InvocationHandler {
  private final Statement delegate;
  private final String preparedSql;
  private final ChangeCounter counter;

  private CountingStatement(Statement delegate, String preparedSql, ChangeCounter counter) {
    this.delegate = delegate;
    this.preparedSql = preparedSql;
    this.counter = counter;
  }

  static Statement wrap(Statement statement, String preparedSql, ChangeCounter counter) {
    Class<?> type =
        statement instanceof CallableStatement
            ? CallableStatement.class
            : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
    return (Statement)
        Proxy.newProxyInstance(
            CountingStatement.class.getClassLoader(),
            new Class<?>[] {type},
            new CountingStatement(statement, preparedSql, counter));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    Object result;
    try {
      result = method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    String sql =
        args != null && args.length > 0 && args[0] instanceof String
            ? (String) args[0]
            : preparedSql;
    switch (method.getName()) {
      case "executeUpdate":
      case "executeLargeUpdate":
        counter.record(sql, ((Number) result).longValue());
        break;
      case "execute":
        long count = delegate.getUpdateCount();
        counter.record(sql, count);
        break;
      case "executeBatch":
        for (int n : (int[]) result) {
          counter.record(preparedSql, n);
        }
        break;
      case "executeLargeBatch":
        for (long n : (long[]) result) {
          counter.record(preparedSql, n);
        }
        break;
      default:
        break;
    }
    return result;
  }
}
