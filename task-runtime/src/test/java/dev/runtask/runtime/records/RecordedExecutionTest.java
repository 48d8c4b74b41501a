package dev.runtask.runtime.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.contract.EnvironmentVariables;
import dev.runtask.runtime.TaskRuntime;
import dev.runtask.runtime.api.Shard;
import dev.runtask.runtime.db.TestDatabases;
import dev.runtask.testharness.TestDatabaseLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Executions through the real runtime leave a record when a database is configured. */
class RecordedExecutionTest {
  final String launchedBy = "local:tester-" + UUID.randomUUID();
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

  Optional<ExecutionRecord> recordOfThisTest() throws Exception {
    try (Connection c = TestDatabases.postgres().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("select run_id from runtask_task_execution where launched_by = ?")) {
      ps.setString(1, launchedBy);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return new ExecutionRecords(TestDatabases.postgres().dataSource()).find(rs.getString(1));
      }
    }
  }

  @Test
  void failingTask_databaseConfigured_recordHasExitCodeErrorSummaryAndWhoLaunchedIt()
      throws Exception {
    TestDatabases.postgres();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        TaskRuntime.builder()
            .env(env)
            .err(new PrintStream(err, true, StandardCharsets.UTF_8))
            .build()
            .execute("fails");

    assertThat(exit).isEqualTo(1);
    ExecutionRecord record = recordOfThisTest().orElseThrow();
    assertThat(record.taskName()).isEqualTo("fails");
    assertThat(record.exitCode()).contains(1);
    assertThat(record.errorSummary())
        .contains("IllegalStateException: orders table is locked second line");
    assertThat(record.endedAt()).isPresent();
    assertThat(record.shard()).as("not fanned out: shard 0 of 1").isEqualTo(Shard.SINGLE);
  }

  @Test
  void fanOutShard_recordHoldsTheShard() throws Exception {
    TestDatabases.postgres();
    Map<String, String> sharded = new HashMap<>(env);
    sharded.put(EnvironmentVariables.SHARD_INDEX, "5");
    sharded.put(EnvironmentVariables.SHARD_COUNT, "8");

    assertThat(TaskRuntime.builder().env(sharded).build().execute("fails")).isEqualTo(1);

    assertThat(recordOfThisTest().orElseThrow().shard()).isEqualTo(new Shard(5, 8));
  }

  @Test
  void secretOption_recorded_valueMasked() throws Exception {
    TestDatabases.postgres();

    int exit =
        TaskRuntime.builder()
            .env(env)
            .build()
            .execute("echo-options", "--count", "1", "--api-token", "hunter2");

    assertThat(exit).isZero();
    ExecutionRecord record = recordOfThisTest().orElseThrow();
    assertThat(record.arguments()).contains("--api-token").doesNotContain("hunter2");
    assertThat(record.exitCode()).contains(0);
  }
}
