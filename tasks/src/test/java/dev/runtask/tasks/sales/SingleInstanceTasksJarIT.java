package dev.runtask.tasks.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.api.Shard;
import dev.runtask.testsupport.CommittedTaskRuns;
import dev.runtask.testsupport.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Single-instance tasks across real processes running the built tasks.jar (launch line of
 * docs/CONTRACTS.md): a second run exits 100 while the first holds the lock, and killing the holder
 * with SIGKILL frees the lock (no lock row left behind, unlike Spring Cloud Task's #503/#947).
 */
class SingleInstanceTasksJarIT {
  static final String TASK = "recalculate-sale-totals";
  final String saleId = "SI-" + UUID.randomUUID().toString().substring(0, 8);
  final List<Process> children = new ArrayList<>();
  final CommittedTaskRuns runs = new CommittedTaskRuns();
  String ownedSale;

  @AfterEach
  void cleanUp() throws SQLException, InterruptedException {
    for (Process child : children) {
      child.destroyForcibly().waitFor();
    }
    execute("delete from sale where sale_id = '" + saleId + "'");
    if (ownedSale != null) {
      execute("delete from sale where sale_id = '" + ownedSale + "'");
    }
    runs.delete();
  }

  static void execute(String sql) throws SQLException {
    try (Connection c = TestDatabase.get().dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  Process start() throws IOException {
    return start(Map.of());
  }

  Process start(Map<String, String> extraEnv) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path target = Path.of("target").toAbsolutePath();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "@" + target.resolve("jvm.options"),
            "-jar",
            target.resolve("tasks.jar").toString(),
            TASK);
    Map<String, String> env = pb.environment();
    env.putAll(runs.environment());
    env.put("RUNTASK_LOG_FORMAT", "text");
    env.putAll(extraEnv);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    children.add(p);
    return p;
  }

  /** Lines of a child's output as they come, so the test can wait for one. */
  static BlockingQueue<String> lines(Process p) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("<output closed: " + e.getMessage() + ">");
              }
            },
            "child-output");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  static void awaitLine(BlockingQueue<String> lines, String fragment, Process p) throws Exception {
    List<String> seen = new ArrayList<>();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null) {
        seen.add(line);
        if (line.contains(fragment)) {
          return;
        }
      } else if (!p.isAlive()) {
        break;
      }
    }
    throw new AssertionError("child never printed '" + fragment + "'; output: " + seen);
  }

  static String output(Process p) throws IOException {
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  static int advisoryLocksHeld() throws SQLException {
    try (Connection c = TestDatabase.get().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select count(*) from pg_locks"
                    + " where locktype = 'advisory' and classid = ?::oid and objid = (hashtext(?)::bigint & 4294967295)::oid")) {
      ps.setLong(1, 0x52554E54L);
      ps.setString(2, TASK);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void fanOut_shardsDoNotBlockEachOther_twoRunsOfOneShardDo() throws Exception {
    String owned = saleOwnedBy(new Shard(0, 2));
    Map<String, String> shard0 = Map.of("SHARD_INDEX", "0", "SHARD_COUNT", "2");
    try (Connection blocker = TestDatabase.get().dataSource().getConnection()) {
      blocker.setAutoCommit(false);
      try (Statement s = blocker.createStatement()) {
        s.executeQuery("select * from sale where sale_id = '" + owned + "' for update").close();
      }
      Process holder = start(shard0);
      awaitLine(lines(holder), "Holding the single-instance lock", holder);

      Process otherShard = start(Map.of("SHARD_INDEX", "1", "SHARD_COUNT", "2"));
      assertThat(otherShard.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(otherShard.exitValue()).as(output(otherShard)).isZero();

      Process sameShard = start(shard0);
      assertThat(sameShard.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(sameShard.exitValue()).isEqualTo(100);
      assertThat(output(sameShard)).contains(TASK + " shard 0/2 is already running elsewhere");

      blocker.rollback();
      assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(holder.exitValue()).isZero();
    }
  }

  /**
   * Inserts this test's sale under an id the shard owns (and its sibling does not), with a wrong
   * total, so the shard's update waits for the blocker's row lock.
   */
  String saleOwnedBy(Shard shard) throws SQLException {
    String id = saleId;
    for (int n = 0; !shard.owns(id); n++) {
      id = saleId + "-" + n;
    }
    ownedSale = id;
    execute(
        "insert into sale (sale_id, sold_at, total) values ('"
            + id
            + "', timestamp with time zone '2026-11-01 10:00:00+00', 1)"); // no lines: total is
    // wrong
    return id;
  }

  @Test
  void secondRun_whileHolderRuns_exit100_andKillingHolderFreesTheLock() throws Exception {
    execute(
        "insert into sale (sale_id, sold_at, total) values ('"
            + saleId
            + "', timestamp with time zone '2026-11-01 10:00:00+00', 0)");
    execute(
        "insert into sale_line (sale_id, line_no, product_id, quantity, unit_price) values ('"
            + saleId
            + "', 1, 'P-300', 2, 3.20)");
    try (Connection blocker = TestDatabase.get().dataSource().getConnection()) {
      blocker.setAutoCommit(false);
      try (Statement s = blocker.createStatement()) {
        s.executeQuery("select * from sale where sale_id = '" + saleId + "' for update").close();
      }
      Process holder = start();
      awaitLine(lines(holder), "Holding the single-instance lock", holder);

      Process second = start();
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).isEqualTo(100);
      assertThat(output(second)).contains(TASK + " is already running elsewhere");

      holder.destroyForcibly().waitFor();
      blocker.rollback();
    }
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (advisoryLocksHeld() > 0 && Instant.now().isBefore(deadline)) {
      Thread.onSpinWait();
    }

    Process third = start();
    assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(third.exitValue()).as(output(third)).isZero();
    assertThat(new SaleRepository(TestDatabase.get().connections()).total(saleId))
        .hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("6.40"));
  }
}
