package dev.runtask.runtime.db;

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
