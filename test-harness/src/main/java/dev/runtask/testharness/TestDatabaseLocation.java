package dev.runtask.testharness;

import java.util.Map;
import java.util.Objects;

/**
 * Where the database tests' PostgreSQL is: 127.0.0.1:5432, database {@code test}, user {@code
 * postgres}, unless RUNTASK_TEST_DB_URL / _USER / _PASSWORD say otherwise. Every module's database
 * tests use this one location, and fail (never skip) when it is unreachable.
 */
public record TestDatabaseLocation(String url, String user, String password) {
  public static final String URL = "RUNTASK_TEST_DB_URL";
  public static final String USER = "RUNTASK_TEST_DB_USER";
  public static final String PASSWORD = "RUNTASK_TEST_DB_PASSWORD";

  public TestDatabaseLocation {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /** The location this test JVM's environment names. */
  public static TestDatabaseLocation fromEnvironment() {
    return of(System.getenv());
  }

  /** The location {@code env} names, with the defaults for what it leaves out. */
  public static TestDatabaseLocation of(Map<String, String> env) {
    return new TestDatabaseLocation(
        nonEmpty(env.get(URL), "jdbc:postgresql://127.0.0.1:5432/test"),
        nonEmpty(env.get(USER), "postgres"),
        env.getOrDefault(PASSWORD, ""));
  }

  /** The same database as a task run's settings (RUNTASK_DB_*), for tasks started by a test. */
  public Map<String, String> taskEnvironment() {
    return Map.of("RUNTASK_DB_URL", url, "RUNTASK_DB_USER", user, "RUNTASK_DB_PASSWORD", password);
  }

  /** The failure to throw when it cannot be reached: what is needed and how to fix it. */
  public IllegalStateException unreachable(Throwable cause) {
    return new IllegalStateException(
        "Database tests need PostgreSQL at "
            + this
            + " and it is not reachable ("
            + cause.getMessage()
            + "). Start it, e.g. pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql)"
            + " main start, or point "
            + URL
            + " at another server.",
        cause);
  }

  /** URL and user; never the password. */
  @Override
  public String toString() {
    return url + " (user " + user + ")";
  }

  private static String nonEmpty(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
