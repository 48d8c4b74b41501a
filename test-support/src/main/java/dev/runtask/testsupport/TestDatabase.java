package dev.runtask.testsupport;

import dev.runtask.runtime.db.DatabaseSettings;
import dev.runtask.runtime.db.DatabaseUnavailableException;
import dev.runtask.runtime.db.PooledDatabase;
import java.util.HashMap;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The database task tests run on, opened once per test JVM: PostgreSQL at 127.0.0.1:5432/test as
 * postgres unless RUNTASK_TEST_DB_URL / _USER / _PASSWORD say otherwise. When that is not
 * reachable, no URL was given and Docker is available, a Testcontainers PostgreSQL is started
 * instead; otherwise the test fails loudly, it never skips.
 */
public final class TestDatabase {
  public static final String URL = "RUNTASK_TEST_DB_URL";
  public static final String USER = "RUNTASK_TEST_DB_USER";
  public static final String PASSWORD = "RUNTASK_TEST_DB_PASSWORD";
  static final String CONTAINER_IMAGE = "postgres:15-alpine";

  private static PooledDatabase database;

  private TestDatabase() {}

  /** The shared test database, connected and migrated. */
  public static synchronized PooledDatabase get() {
    if (database == null) {
      database = open(System.getenv());
      Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-db-close"));
    }
    return database;
  }

  static PooledDatabase open(Map<String, String> env) {
    DatabaseSettings settings = settings(env);
    try {
      return PooledDatabase.open(settings);
    } catch (DatabaseUnavailableException e) {
      if (!env.containsKey(URL) && dockerAvailable()) {
        return openContainer();
      }
      throw new IllegalStateException(
          "Database tests need PostgreSQL at "
              + settings
              + " and it is not reachable ("
              + e.getMessage()
              + "). Start it, e.g. pg_ctlcluster --skip-systemctl-redirect "
              + "$(ls /etc/postgresql) main start, point "
              + URL
              + " at another server,"
              + " or make Docker available for the Testcontainers fallback.",
          e);
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
  private static PooledDatabase openContainer() {
    PostgreSQLContainer<?> container = new PostgreSQLContainer<>(CONTAINER_IMAGE);
    container.start();
    return PooledDatabase.open(
        DatabaseSettings.of(
            container.getJdbcUrl(), container.getUsername(), container.getPassword()));
  }

  /**
   * The RUNTASK_DB_* variables that point a task run (in-process or a child tasks.jar) at the test
   * database, for tests that run tasks outside the rollback extension.
   */
  public static Map<String, String> taskEnvironment() {
    DatabaseSettings settings = get().settings();
    Map<String, String> env = new HashMap<>();
    env.put(DatabaseSettings.URL, settings.url());
    if (settings.user() != null) {
      env.put(DatabaseSettings.USER, settings.user());
    }
    env.put(DatabaseSettings.PASSWORD, settings.password());
    return Map.copyOf(env);
  }

  static DatabaseSettings settings(Map<String, String> env) {
    return DatabaseSettings.of(
        env.getOrDefault(URL, "jdbc:postgresql://127.0.0.1:5432/test"),
        env.getOrDefault(USER, "postgres"),
        env.getOrDefault(PASSWORD, ""));
  }
}
