package dev.runtask.tasks.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.TaskRuntime;
import dev.runtask.runtime.db.ConnectionProvider;
import dev.runtask.testsupport.DatabaseTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * recalculate-sale-totals fanned out: on real PostgreSQL, the shards of one fan-out together touch
 * every sale exactly once. Every total is made wrong before each shard runs, so what a shard
 * corrected is exactly what it touched.
 */
@DatabaseTest
class ShardedRecalculationTest {
  static final int SALES = 300;
  static final int SHARDS = 4;

  @Test
  void fourShards_eachCorrectsOnlyItsSales_togetherEverySaleExactlyOnce(
      ConnectionProvider connections) throws Exception {
    try (Connection c = connections.current();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "insert into sale (sale_id, sold_at, total) select 'FAN-' || g,"
              + " timestamp with time zone '2026-11-01 10:00:00+00', 0"
              + " from generate_series(1, "
              + SALES
              + ") g");
    }
    List<Set<String>> touched = new ArrayList<>();
    for (int shard = 0; shard < SHARDS; shard++) {
      setEveryTotalWrong(connections);
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit =
          TaskRuntime.builder()
              .env(Map.of("SHARD_INDEX", "" + shard, "SHARD_COUNT", "" + SHARDS))
              .err(new PrintStream(err, true, StandardCharsets.UTF_8))
              .build()
              .execute("recalculate-sale-totals", "--chunk-size", "50");
      assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
      touched.add(corrected(connections));
    }

    Set<String> union = new HashSet<>();
    int sum = 0;
    for (Set<String> part : touched) {
      assertThat(part).as("every shard gets a fair part").hasSizeBetween(SALES / 8, SALES / 2);
      union.addAll(part);
      sum += part.size();
    }
    assertThat(sum).as("no sale touched by two shards").isEqualTo(SALES);
    assertThat(union).as("every sale touched").hasSize(SALES);
  }

  @Test
  void notFannedOut_touchesEverySale(ConnectionProvider connections) throws Exception {
    try (Connection c = connections.current();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "insert into sale (sale_id, sold_at, total) select 'ONE-' || g,"
              + " timestamp with time zone '2026-11-01 10:00:00+00', 0"
              + " from generate_series(1, 20) g");
    }
    setEveryTotalWrong(connections);

    assertThat(TaskRuntime.builder().env(Map.of()).build().execute("recalculate-sale-totals"))
        .isZero();

    assertThat(corrected(connections)).hasSize(20);
  }

  static void setEveryTotalWrong(ConnectionProvider connections) throws Exception {
    try (Connection c = connections.current();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "update sale set total = -1 where sale_id like 'FAN-%' or sale_id like 'ONE-%'");
    }
  }

  static Set<String> corrected(ConnectionProvider connections) throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection c = connections.current();
        PreparedStatement ps =
            c.prepareStatement(
                "select sale_id from sale where (sale_id like 'FAN-%' or sale_id like 'ONE-%')"
                    + " and total <> -1");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }
}
