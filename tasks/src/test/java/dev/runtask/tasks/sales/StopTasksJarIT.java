package dev.runtask.tasks.sales;

import static dev.runtask.tasks.sales.SingleInstanceTasksJarIT.advisoryLocksHeld;
import static dev.runtask.tasks.sales.SingleInstanceTasksJarIT.execute;
import static dev.runtask.tasks.sales.SingleInstanceTasksJarIT.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.testsupport.CommittedTaskRuns;
import dev.runtask.testsupport.TestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping a database task for real (issue 10): the built tasks.jar on PostgreSQL, stopped with
 * SIGTERM in the middle of a statement, or killed with SIGKILL.
 */
class StopTasksJarIT {
  static final String TASK = "recalculate-sale-totals";
  static final int SALES = 30;
  static final int CHUNK = 5;

  /** Far below the grace the runs get (60 s): a stop that waited for the watchdog fails. */
  static final Duration PROMPTLY = Duration.ofSeconds(15);

  final String prefix = "STOP-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  final List<Process> children = new ArrayList<>();
  final CommittedTaskRuns runs = new CommittedTaskRuns();

  @AfterEach
  void cleanUp() throws SQLException, InterruptedException {
    for (Process child : children) {
      child.destroyForcibly().waitFor();
    }
    execute("delete from sale_line where sale_id like '" + prefix + "%'");
    execute("delete from sale where sale_id like '" + prefix + "%'");
    runs.delete();
  }

  /** {@value #SALES} sales whose stored total (0) is wrong: their lines sum to 6.40. */
  void insertSalesWithWrongTotals() throws SQLException {
    for (int i = 0; i < SALES; i++) {
      String id = saleId(i);
      execute(
          "insert into sale (sale_id, sold_at, total) values ('"
              + id
              + "', timestamp with time zone '2026-11-01 10:00:00+00', 0)");
      execute(
          "insert into sale_line (sale_id, line_no, product_id, quantity, unit_price) values ('"
              + id
              + "', 1, 'P-300', 2, 3.20)");
    }
  }

  String saleId(int i) {
    return prefix + String.format("%02d", i);
  }

  Process start(Map<String, String> extraEnv, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path target = Path.of("target").toAbsolutePath();
    List<String> command =
        new ArrayList<>(
            List.of(java, "@" + target.resolve("jvm.options"), "-jar", target + "/tasks.jar"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(runs.environment());
    pb.environment().put("RUNTASK_LOG_FORMAT", "text");
    pb.environment().put("RUNTASK_STOP_GRACE_SECONDS", "60");
    pb.environment().putAll(extraEnv);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    children.add(p);
    return p;
  }

  /** Waits (polling the server, no sleep) until a backend of the task waits for a row lock. */
  static void awaitTaskBlockedOnLock() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      try (Connection c = TestDatabase.get().dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                      + " and query like 'update sale set total%'")) {
        rs.next();
        if (rs.getInt(1) > 0) {
          return;
        }
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the task never blocked on the locked sale");
  }

  List<String> corrected() throws SQLException {
    List<String> ids = new ArrayList<>();
    SaleRepository sales = new SaleRepository(TestDatabase.get().connections());
    for (int i = 0; i < SALES; i++) {
      if (sales.total(saleId(i)).orElseThrow().compareTo(new BigDecimal("6.40")) == 0) {
        ids.add(saleId(i));
      }
    }
    return ids;
  }

  /** All sale ids in the order the task reads them: chunk n is positions n*CHUNK … */
  static List<String> allSaleIds() throws SQLException {
    return new SaleRepository(TestDatabase.get().connections()).allSaleIds();
  }

  record Row(Integer exitCode, boolean ended, String stopReason, String runId) {}

  List<Row> records() throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Connection c = TestDatabase.get().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select exit_code, ended_at is not null, stop_reason, run_id"
                    + " from runtask_task_execution where launched_by = ? order by started_at")) {
      ps.setString(1, runs.environment().get("RUNTASK_LAUNCHED_BY"));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int code = rs.getInt(1);
          rows.add(
              new Row(
                  rs.wasNull() ? null : code, rs.getBoolean(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return rows;
  }

  @Test
  void sigterm_duringAChunksStatement_exits143PromptlyWithWholeChunksAndClosesTheRecord()
      throws Exception {
    insertSalesWithWrongTotals();
    String blocked = saleId(17);
    List<String> order = allSaleIds();
    int blockedChunk = order.indexOf(blocked) / CHUNK;
    try (Connection blocker = TestDatabase.get().dataSource().getConnection()) {
      blocker.setAutoCommit(false);
      try (Statement s = blocker.createStatement()) {
        s.executeQuery("select * from sale where sale_id = '" + blocked + "' for update").close();
      }
      Process task = start(Map.of(), TASK, "--chunk-size", String.valueOf(CHUNK));
      BlockingQueue<String> output = lines(task);
      awaitTaskBlockedOnLock();

      Instant signalled = Instant.now();
      task.toHandle().destroy(); // SIGTERM
      assertThat(task.waitFor(60, TimeUnit.SECONDS)).isTrue();
      Duration took = Duration.between(signalled, Instant.now());
      blocker.rollback();

      assertThat(task.exitValue()).isEqualTo(143);
      assertThat(took).isLessThan(PROMPTLY);
      List<String> seen = new ArrayList<>();
      output.drainTo(seen);
      assertThat(String.join("\n", seen))
          .contains(
              "was stopped by SIGTERM: stopped after "
                  + blockedChunk
                  + " of "
                  + ((order.size() + CHUNK - 1) / CHUNK)
                  + " chunks; "
                  + String.format("%,d", blockedChunk * CHUNK)
                  + " items committed, the chunk in progress rolled back")
          .doesNotContain("did not stop within");
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < SALES; i++) {
      if (order.indexOf(saleId(i)) / CHUNK < blockedChunk) {
        expected.add(saleId(i));
      }
    }
    assertThat(corrected()).as("whole chunks before the stop, nothing after").isEqualTo(expected);
    assertThat(records())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.exitCode()).isEqualTo(143);
              assertThat(r.ended()).isTrue();
              assertThat(r.stopReason()).startsWith("SIGTERM: stopped after " + blockedChunk);
            });
  }

  @Test
  void sigkill_thenNextRun_lockIsFreeAndTheKilledRunIsMarkedAbandoned() throws Exception {
    insertSalesWithWrongTotals();
    try (Connection blocker = TestDatabase.get().dataSource().getConnection()) {
      blocker.setAutoCommit(false);
      try (Statement s = blocker.createStatement()) {
        s.executeQuery("select * from sale where sale_id = '" + saleId(3) + "' for update").close();
      }
      Process killed = start(Map.of(), TASK);
      awaitTaskBlockedOnLock();
      killed.destroyForcibly().waitFor(); // SIGKILL: nothing in the process runs any more
      blocker.rollback();
    }
    // The server ends the killed run's sessions (and so its locks) once it notices; wait for that.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (advisoryLocksHeld() > 0 && Instant.now().isBefore(deadline)) {
      Thread.onSpinWait();
    }
    assertThat(records()).singleElement().satisfies(r -> assertThat(r.ended()).isFalse());

    Process next = start(Map.of(), TASK);
    BlockingQueue<String> output = lines(next);
    assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> seen = new ArrayList<>();
    output.drainTo(seen);

    assertThat(next.exitValue()).as(String.join("\n", seen)).isZero();
    assertThat(String.join("\n", seen)).contains("marked abandoned");
    assertThat(corrected()).hasSize(SALES);
    List<Row> rows = records();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).ended()).isTrue();
    assertThat(rows.get(0).exitCode()).isNull();
    assertThat(rows.get(0).stopReason())
        .startsWith("abandoned: its process ended without closing the record")
        .endsWith(rows.get(1).runId());
    assertThat(rows.get(1).exitCode()).isZero();
    assertThat(rows.get(1).stopReason()).isNull();
  }
}
