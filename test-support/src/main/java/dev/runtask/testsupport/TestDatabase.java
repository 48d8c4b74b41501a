package dev.runtask.testsupport;

import dev.runtask.runtime.db.DatabaseSettings;
import dev.runtask.runtime.db.DatabaseUnavailableException;
import dev.runtask.runtime.db.PooledDatabase;
import dev.runtask.testharness.TestDatabaseLocation;
import java.util.Map;

/**
 * The database task tests run on, opened once per test JVM, at {@link TestDatabaseLocation} (the
 * one every module's tests use). When it is not reachable the test fails saying how to fix it; it
 * never skips.
 */
public final class TestDatabase {
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
    TestDatabaseLocation location = TestDatabaseLocation.of(env);
    try {
      return PooledDatabase.open(
          DatabaseSettings.of(location.url(), location.user(), location.password()));
    } catch (DatabaseUnavailableException e) {
      throw location.unreachable(e);
    }
  }
}
