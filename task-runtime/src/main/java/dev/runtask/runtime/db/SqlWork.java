package dev.runtask.runtime.db;

import java.sql.Connection;
import java.sql.SQLException;

/** JDBC work on the current connection, for {@link ConnectionProvider#withConnection}. */
@FunctionalInterface
public interface SqlWork<T> {
  T apply(Connection connection) throws SQLException;
}
