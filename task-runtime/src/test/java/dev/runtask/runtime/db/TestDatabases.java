package dev.runtask.runtime.db;

import dev.runtask.testharness.TestDatabaseLocation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The databases the transaction suite runs on: the local PostgreSQL and the embedded default. */
public final class TestDatabases {
  private static PooledDatabase postgres;
  private static PooledDatabase h2;

  private TestDatabases() {}

  /** The PostgreSQL of every module's database tests ({@link TestDatabaseLocation}). */
  public static synchronized PooledDatabase postgres() {
    if (postgres == null) {
      TestDatabaseLocation location = TestDatabaseLocation.fromEnvironment();
      try {
        postgres =
            PooledDatabase.open(
                DatabaseSettings.of(location.url(), location.user(), location.password()));
      } catch (DatabaseUnavailableException e) {
        throw location.unreachable(e);
      }
    }
    return postgres;
  }

  /**
   * Deletes what task runs a test committed on {@link #postgres()} outside any rolled-back
   * transaction: the execution records of runs launched with {@code launchedBy}
   * (RUNTASK_LAUNCHED_BY), and the TCC attempts and objects of {@code tccTaskName} (may be null).
   */
  public static void deleteCommitted(String launchedBy, String tccTaskName) throws SQLException {
    try (Connection c = postgres().dataSource().getConnection()) {
      if (tccTaskName != null) {
        for (String sql :
            new String[] {
              "delete from runtask_tcc_object where attempt_id in"
                  + " (select attempt_id from runtask_tcc_attempt where task_name = ?)",
              "delete from runtask_tcc_attempt where task_name = ?"
            }) {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tccTaskName);
            ps.executeUpdate();
          }
        }
      }
      if (launchedBy != null) {
        try (PreparedStatement ps =
            c.prepareStatement("delete from runtask_task_execution where launched_by = ?")) {
          ps.setString(1, launchedBy);
          ps.executeUpdate();
        }
      }
    }
  }

  /** The embedded default: H2 in PostgreSQL mode, in memory for the test run. */
  public static synchronized PooledDatabase h2() {
    if (h2 == null) {
      h2 =
          PooledDatabase.open(
              DatabaseSettings.of(
                  "jdbc:h2:mem:runtask-tests;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                      + "DEFAULT_NULL_ORDERING=HIGH",
                  "sa",
                  ""));
    }
    return h2;
  }
}
