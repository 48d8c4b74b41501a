package dev.runtask.runtime.db;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Fault injection: a DataSource whose connections fail on rollback(). */
final class FailingRollbackDataSource {
  private FailingRollbackDataSource() {}

  static DataSource over(DataSource real) {
    return (DataSource)
        Proxy.newProxyInstance(
            FailingRollbackDataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(method, real, args);
              if (method.getName().equals("getConnection")) {
                return failingRollback((Connection) result);
              }
              return result;
            });
  }

  private static Connection failingRollback(Connection real) {
    return (Connection)
        Proxy.newProxyInstance(
            FailingRollbackDataSource.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("rollback") && (args == null || args.length == 0)) {
                real.rollback();
                throw new SQLException("rollback lost");
              }
              return invoke(method, real, args);
            });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
