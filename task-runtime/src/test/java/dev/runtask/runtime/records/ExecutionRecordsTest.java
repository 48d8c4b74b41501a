package dev.runtask.runtime.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.api.Shard;
import dev.runtask.runtime.db.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionRecordsTest {
  final ExecutionRecords records = new ExecutionRecords(TestDatabases.postgres().dataSource());
  final Instant start = Instant.parse("2026-11-21T09:00:00Z");

  final List<String> runIds = new ArrayList<>();

  @AfterEach
  void deleteTheRecords() throws SQLException {
    try (Connection c = TestDatabases.postgres().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("delete from runtask_task_execution where run_id = ?")) {
      for (String runId : runIds) {
        ps.setString(1, runId);
        ps.executeUpdate();
      }
    }
  }

  ExecutionStart start(String runId) {
    runIds.add(runId);
    return new ExecutionStart(
        runId,
        "import-sales",
        List.of("--file", "s.csv", "--token", "***"),
        start,
        Optional.of("arn:aws:ecs:eu-west-1:123456789012:task/c/abc"),
        Optional.of("arn:aws:sts::123456789012:assumed-role/operator/alice"),
        false,
        Shard.SINGLE);
  }

  @Test
  void startedThenFinished_failedRun_recordHoldsEverythingAnOperatorNeeds() throws Exception {
    String runId = UUID.randomUUID().toString();

    assertThat(records.started(start(runId))).isTrue();
    assertThat(
            records.finished(runId, start.plusSeconds(42), 1, "SQLException: duplicate key", null))
        .isTrue();

    ExecutionRecord r = records.find(runId).orElseThrow();
    assertThat(r.taskName()).isEqualTo("import-sales");
    assertThat(r.arguments()).isEqualTo("[\"--file\",\"s.csv\",\"--token\",\"***\"]");
    assertThat(r.startedAt()).isEqualTo(start);
    assertThat(r.endedAt()).contains(start.plusSeconds(42));
    assertThat(r.exitCode()).contains(1);
    assertThat(r.errorSummary()).contains("SQLException: duplicate key");
    assertThat(r.ecsTaskArn()).contains("arn:aws:ecs:eu-west-1:123456789012:task/c/abc");
    assertThat(r.launchedBy()).contains("arn:aws:sts::123456789012:assumed-role/operator/alice");
  }

  @Test
  void started_runStillGoing_noEndYet() throws Exception {
    String runId = UUID.randomUUID().toString();

    records.started(start(runId));

    ExecutionRecord r = records.find(runId).orElseThrow();
    assertThat(r.endedAt()).isEmpty();
    assertThat(r.exitCode()).isEmpty();
  }

  @Test
  void recording_databaseWithoutTheTable_returnsFalseInsteadOfThrowing() {
    JdbcDataSource empty = new JdbcDataSource();
    empty.setURL("jdbc:h2:mem:no-tables-" + UUID.randomUUID());
    ExecutionRecords broken = new ExecutionRecords(empty);

    assertThat(broken.started(start("r1"))).isFalse();
    assertThat(broken.finished("r1", Instant.now().truncatedTo(ChronoUnit.SECONDS), 0, null, null))
        .isFalse();
  }
}
