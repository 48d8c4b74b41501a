package dev.runtask.testsupport;

import dev.runtask.runtime.db.Database;
import dev.runtask.runtime.db.DatabaseSettings;
import dev.runtask.runtime.db.DatabaseUnavailableException;
import java.util.Map;

/**
 * The database task tests run on, opened once per test JVM: PostgreSQL at 127.0.0.1:5432/test as
 * postgres unless RUNTASK_TEST_DB_URL / _USER / _PASSWORD say otherwise. Unreachable means the
 * test fails loudly, never skips.
 */
public final class TestDatabase {
  public static final String URL = "RUNTASK_TEST_DB_URL";
  public static final String USER = "RUNTASK_TEST_DB_USER";
  public static final String PASSWORD = "RUNTASK_TEST_DB_PASSWORD";

  private static Database database;

  private TestDatabase() {}

  /** The shared test database, connected and migrated. */
  public static synchronized Database get() {
    if (database == null) {
      DatabaseSettings settings = settings(System.getenv());
      try {
        database = Database.open(settings);
      } catch (DatabaseUnavailableException e) {
        throw new IllegalStateException(
            "Database tests need PostgreSQL at " + settings + " and it is not reachable ("
                + e.getMessage() + "). Start it, e.g. pg_ctlcluster --skip-systemctl-redirect "
                + "$(ls /etc/postgresql) main start, or point " + URL + " at another server.",
            e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-db-close"));
    }
    return database;
  }

  static DatabaseSettings settings(Map<String, String> env) {
    return DatabaseSettings.of(
        env.getOrDefault(URL, "jdbc:postgresql://127.0.0.1:5432/test"),
        env.getOrDefault(USER, "postgres"),
        env.getOrDefault(PASSWORD, ""));
  }
}
