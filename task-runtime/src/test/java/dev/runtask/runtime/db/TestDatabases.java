package dev.runtask.runtime.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/** The databases the transaction suite runs on: the local PostgreSQL and the embedded default. */
public final class TestDatabases {
  private static PooledDatabase postgres;
  private static PooledDatabase h2;

  private TestDatabases() {}

  /** PostgreSQL at 127.0.0.1:5432/test (override with RUNTASK_TEST_DB_URL/_USER/_PASSWORD). */
  public static synchronized PooledDatabase postgres() {
    if (postgres == null) {
      Map<String, String> env = System.getenv();
      DatabaseSettings settings =
          DatabaseSettings.of(
              env.getOrDefault("RUNTASK_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
              env.getOrDefault("RUNTASK_TEST_DB_USER", "postgres"),
              env.getOrDefault("RUNTASK_TEST_DB_PASSWORD", ""));
      try {
        postgres = PooledDatabase.open(settings);
      } catch (DatabaseUnavailableException e) {
        throw new AssertionError(
            "The transaction tests need PostgreSQL ("
                + settings
                + "), and it is not reachable: "
                + e.getMessage()
                + ". Start it: pg_ctlcluster --skip-systemctl-redirect "
                + "$(ls /etc/postgresql) main start",
            e);
      }
    }
    return postgres;
  }

  /** RUNTASK_DB_* variables that point a task run at {@link #postgres()}'s database. */
  public static Map<String, String> postgresEnvironment() {
    DatabaseSettings settings = postgres().settings();
    return Map.of(
        DatabaseSettings.URL,
        settings.url(),
        DatabaseSettings.USER,
        settings.user(),
        DatabaseSettings.PASSWORD,
        settings.password());
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
