package dev.runtask.tasks.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.TaskRuntime;
import dev.runtask.testsupport.CommittedTaskRuns;
import dev.runtask.testsupport.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code RUNTASK_DB_POOL_SIZE=1} (issue 9, case 6): migrations, the execution record, a dry run and
 * the single-instance lock all work with a pool of one connection.
 */
class PoolOfOneTest {
  @TempDir Path dir;
  final String prefix = "P1-" + UUID.randomUUID().toString().substring(0, 8);
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  final CommittedTaskRuns runs = new CommittedTaskRuns();

  /**
   * The test database under a URL of its own, so this JVM migrates it again (migrations are done
   * once per process and database), with a pool of one.
   */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>(runs.environment());
    String url = env.get("RUNTASK_DB_URL");
    env.put(
        "RUNTASK_DB_URL",
        url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + prefix + "-pool-of-one");
    env.put("RUNTASK_DB_POOL_SIZE", "1");
    return env;
  }

  int run(String... args) {
    return TaskRuntime.builder()
        .env(env())
        .err(new PrintStream(err, true, StandardCharsets.UTF_8))
        .build()
        .execute(args);
  }

  @AfterEach
  void removeWhatTheRunsCommitted() throws SQLException {
    runs.delete();
    try (Connection c = TestDatabase.get().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("delete from sale where sale_id like ?")) {
      ps.setString(1, prefix + "%");
      ps.executeUpdate();
    }
  }

  @Test
  void databaseTasks_poolOfOne_migrateRecordAndRun() throws Exception {
    Path csv = dir.resolve("sales.csv");
    Files.writeString(
        csv,
        "sale_id,sold_at,product_id,quantity\n" + prefix + "-1,2026-11-01T10:00:00Z,P-100,2\n");

    assertThat(run("import-sales", "--file", csv.toString(), "--dry-run"))
        .as(err.toString(StandardCharsets.UTF_8))
        .isZero();
    assertThat(run("import-sales", "--file", csv.toString())).isZero();
    assertThat(run("recalculate-sale-totals", "--chunk-size", "1")).isZero();

    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(new SaleRepository(TestDatabase.get().connections()).exists(prefix + "-1")).isTrue();
  }
}
