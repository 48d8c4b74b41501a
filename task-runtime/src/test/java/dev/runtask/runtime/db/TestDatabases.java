package dev.runtask.runtime.db;

import java.util.Map;

/** The databases the transaction suite runs on: the local PostgreSQL and the embedded default. */
public final class TestDatabases {
  private static Database postgres;
  private static Database h2;

  private TestDatabases() {}

  /** PostgreSQL at 127.0.0.1:5432/test (override with RUNTASK_TEST_DB_URL/_USER/_PASSWORD). */
  public static synchronized Database postgres() {
    if (postgres == null) {
      Map<String, String> env = System.getenv();
      DatabaseSettings settings =
          DatabaseSettings.of(
              env.getOrDefault("RUNTASK_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
              env.getOrDefault("RUNTASK_TEST_DB_USER", "postgres"),
              env.getOrDefault("RUNTASK_TEST_DB_PASSWORD", ""));
      try {
        postgres = Database.open(settings);
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

  /** The embedded default: H2 in PostgreSQL mode, in memory for the test run. */
  public static synchronized Database h2() {
    if (h2 == null) {
      h2 =
          Database.open(
              DatabaseSettings.of(
                  "jdbc:h2:mem:runtask-tests;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                      + "DEFAULT_NULL_ORDERING=HIGH",
                  "sa",
                  ""));
    }
    return h2;
  }
}
