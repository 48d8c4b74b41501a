package dev.runtask.runtime.db;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;

/**
 * Flyway migrations: the runtime's own tables from {@code classpath:db/runtime} (history table
 * {@code runtask_schema_history}), then the tasks' domain from {@code classpath:db/tasks} ({@code
 * flyway_schema_history}). Each database is migrated at most once per process.
 *
 * <p>Flyway holds two connections at once (one for its lock and history, one for the migration), so
 * it connects on its own instead of borrowing from the task's pool: {@code RUNTASK_DB_POOL_SIZE=1}
 * would otherwise wait for a second pool connection that never comes.
 */
final class Migrations {
  private static final Set<String> MIGRATED = ConcurrentHashMap.newKeySet();

  private Migrations() {}

  static void migrate(DatabaseSettings settings) {
    if (MIGRATED.contains(settings.key())) {
      return;
    }
    synchronized (Migrations.class) {
      if (MIGRATED.contains(settings.key())) {
        return;
      }
      flyway(settings, "classpath:db/runtime", "runtask_schema_history").migrate();
      flyway(settings, "classpath:db/tasks", "flyway_schema_history").migrate();
      MIGRATED.add(settings.key());
    }
  }

  private static Flyway flyway(DatabaseSettings settings, String location, String table) {
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(settings.url(), settings.user(), settings.password())
        .locations(location)
        .table(table)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .failOnMissingLocations(false)
        .load();
  }
}
