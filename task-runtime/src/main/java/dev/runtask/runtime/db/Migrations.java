package dev.runtask.runtime.db;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Flyway migrations: the runtime's own tables from {@code classpath:db/runtime} (history table
 * {@code runtask_schema_history}), then the tasks' domain from {@code classpath:db/tasks} ({@code
 * flyway_schema_history}). Each database is migrated at most once per process.
 */
final class Migrations {
  private static final Set<String> MIGRATED = ConcurrentHashMap.newKeySet();

  private Migrations() {}

  static void migrate(DatabaseSettings settings, DataSource dataSource) {
    if (MIGRATED.contains(settings.key())) {
      return;
    }
    synchronized (Migrations.class) {
      if (MIGRATED.contains(settings.key())) {
        return;
      }
      flyway(dataSource, "classpath:db/runtime", "runtask_schema_history").migrate();
      flyway(dataSource, "classpath:db/tasks", "flyway_schema_history").migrate();
      MIGRATED.add(settings.key());
    }
  }

  private static Flyway flyway(DataSource dataSource, String location, String table) {
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(location)
        .table(table)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .failOnMissingLocations(false)
        .load();
  }
}
