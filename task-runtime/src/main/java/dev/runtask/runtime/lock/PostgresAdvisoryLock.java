package dev.runtask.runtime.lock;

import dev.runtask.runtime.db.DatabaseSettings;
import dev.runtask.runtime.db.DatabaseUnavailableException;
import dev.runtask.runtime.db.DatabaseUrls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * A PostgreSQL session-level advisory lock on a connection of its own (not from the task's pool, so
 * it cannot starve it). It is held as long as that session lives; when the process dies the server
 * ends the session and the lock is gone: no lock rows stay behind after a crash.
 */
final class PostgresAdvisoryLock implements SingleInstanceLock {
  /** First key of the two-int advisory lock: "RUNT", so our locks are easy to spot in pg_locks. */
  static final int NAMESPACE = 0x52554E54;

  private final DatabaseSettings settings;

  PostgresAdvisoryLock(DatabaseSettings settings) {
    this.settings = settings;
  }

  @Override
  public Optional<Held> tryAcquire(String taskName) {
    Connection connection;
    try {
      Properties props = new Properties();
      if (settings.user() != null) {
        props.setProperty("user", settings.user());
      }
      props.setProperty("password", settings.password());
      props.setProperty("ApplicationName", "runtask-lock:" + taskName);
      connection = DriverManager.getConnection(settings.url(), props);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          "cannot connect to the database "
              + settings
              + " to take the single-instance lock: "
              + DatabaseUrls.mask(e.getMessage()),
          e);
    }
    try (PreparedStatement ps =
        connection.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
      ps.setInt(1, NAMESPACE);
      ps.setString(2, taskName);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          connection.close();
          return Optional.empty();
        }
      }
    } catch (SQLException e) {
      try {
        connection.close();
      } catch (SQLException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw new DatabaseUnavailableException(
          "cannot take the single-instance lock for "
              + taskName
              + ": "
              + DatabaseUrls.mask(e.getMessage()),
          e);
    }
    return Optional.of(
        () -> {
          // Unlocked before the close: the server frees a closed session's locks only when its
          // backend has exited, which can be after the next run of the task asks for the lock.
          try (connection;
              PreparedStatement unlock =
                  connection.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
            unlock.setInt(1, NAMESPACE);
            unlock.setString(2, taskName);
            unlock.execute();
          } catch (SQLException e) {
            // Then the session's end releases the lock; if even the close failed it is gone anyway.
          }
        });
  }
}
