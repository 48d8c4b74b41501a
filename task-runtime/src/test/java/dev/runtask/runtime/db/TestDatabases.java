package dev.runtask.runtime.db;

import dev.runtask.testharness.TestDatabaseLocation;

/** The databases the transaction suite runs on: the local PostgreSQL and the embedded default. */
public final class TestDatabases {
  private static Database postgres;
  private static Database h2;

  private TestDatabases() {}

  /** The PostgreSQL of every module's database tests ({@link TestDatabaseLocation}). */
  public static synchronized Database postgres() {
    if (postgres == null) {
      TestDatabaseLocation location = TestDatabaseLocation.fromEnvironment();
      try {
        postgres =
            Database.open(
                DatabaseSettings.of(location.url(), location.user(), location.password()));
      } catch (DatabaseUnavailableException e) {
        throw location.unreachable(e);
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
