package dev.runtask.runtime.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.contract.EnvironmentVariables;
import dev.runtask.runtime.TaskRuntime;
import dev.runtask.testharness.TestDatabaseLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A dry run must not let work on another thread commit behind its back. */
class DryRunThreadsTest {
  final String launchedBy = "test:" + UUID.randomUUID();
  final Map<String, String> env = withLaunchedBy(launchedBy);

  static Map<String, String> withLaunchedBy(String launchedBy) {
    Map<String, String> env =
        new HashMap<>(TestDatabaseLocation.fromEnvironment().taskEnvironment());
    env.put(EnvironmentVariables.LAUNCHED_BY, launchedBy);
    return env;
  }

  @AfterEach
  void deleteTheRecords() throws SQLException {
    TestDatabases.deleteCommitted(launchedBy, null);
  }

  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void emptyProbeTable() throws SQLException {
    try (Connection c = TestDatabases.postgres().dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create table if not exists dry_run_probe (id integer primary key)");
      s.execute("delete from dry_run_probe");
    }
  }

  int committedRows() throws SQLException {
    try (Connection c = TestDatabases.postgres().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from dry_run_probe")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  int run(String... args) {
    return TaskRuntime.builder()
        .env(env)
        .err(new PrintStream(err, true, StandardCharsets.UTF_8))
        .build()
        .execute(args);
  }

  @Test
  void dryRun_taskHandsDatabaseWorkToAnotherThread_refusedAndNothingCommitted() throws Exception {
    int exit = run("dry-run-worker", "--dry-run");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "a --dry-run rolls back only the work of the thread that first opened the database");
    assertThat(committedRows()).isZero();
  }

  @Test
  void withoutDryRun_sameTask_bothThreadsCommit() throws Exception {
    int exit = run("dry-run-worker");

    assertThat(exit).isZero();
    assertThat(committedRows()).isEqualTo(2);
  }
}
