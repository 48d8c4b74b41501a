package dev.runtask.runtime.bench;

import dev.runtask.runtime.db.ConnectionProvider;
import dev.runtask.runtime.db.DatabaseSettings;
import dev.runtask.runtime.db.PooledDatabase;
import dev.runtask.runtime.tx.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * Benchmark main (run by bench/transactions.sh, not a test): the transaction layer against
 * hand-written JDBC sending the same statements over the same pool, flat and nested. Units of the
 * two alternate one by one so drift and load hit both alike; prints the median time per unit of
 * work and the ratio layer / JDBC.
 */
public final class TransactionsBench {
  private static final String INSERT = "insert into bench_tx (v) values (?)";
  private static final String SELECT = "select count(*) from bench_tx where v = ?";

  private TransactionsBench() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test";
    int units = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    try (PooledDatabase db = PooledDatabase.open(DatabaseSettings.of(url, "postgres", ""))) {
      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute(
            "create table if not exists bench_tx (id bigserial primary key, v integer not null)");
        s.execute("create index if not exists bench_tx_v on bench_tx (v)");
        s.execute("delete from bench_tx");
      }
      Transactions tx = db.transactions();
      ConnectionProvider cp = db.connections();
      DataSource ds = db.dataSource();
      System.out.printf("units per round: %d, rounds: %d, database: %s%n", units, rounds, url);
      compare(
          "flat   (BEGIN; INSERT; SELECT; COMMIT)",
          units,
          rounds,
          i -> tx.runInTransaction(() -> flatWork(cp, i)),
          i -> handFlat(ds, i));
      compare(
          "nested (BEGIN; INSERT; SAVEPOINT; INSERT; SELECT; RELEASE; COMMIT)",
          units,
          rounds,
          i ->
              tx.runInTransaction(
                  () -> {
                    insert(cp, i);
                    tx.runInTransaction(() -> flatWork(cp, i));
                  }),
          i -> handNested(ds, i));
    }
  }

  @FunctionalInterface
  interface Unit {
    void run(int i) throws Exception;
  }

  private static void compare(String name, int units, int rounds, Unit layer, Unit jdbc)
      throws Exception {
    double[] warm = new double[2];
    interleaved(layer, jdbc, units, warm);
    double[] layerNs = new double[rounds];
    double[] jdbcNs = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      double[] perUnit = new double[2];
      interleaved(layer, jdbc, units, perUnit);
      layerNs[r] = perUnit[0];
      jdbcNs[r] = perUnit[1];
    }
    double l = median(layerNs);
    double j = median(jdbcNs);
    System.out.printf(
        "%-70s layer %7.1f us/unit  jdbc %7.1f us/unit  ratio %.3f%n",
        name, l / 1000, j / 1000, l / j);
  }

  /** Alternates single units of the two (order flipped every unit) so load drift hits both. */
  private static void interleaved(Unit layer, Unit jdbc, int units, double[] perUnitNs)
      throws Exception {
    long layerTotal = 0;
    long jdbcTotal = 0;
    for (int i = 0; i < units; i++) {
      Unit first = i % 2 == 0 ? layer : jdbc;
      Unit second = i % 2 == 0 ? jdbc : layer;
      long t0 = System.nanoTime();
      first.run(i);
      long t1 = System.nanoTime();
      second.run(i);
      long t2 = System.nanoTime();
      if (i % 2 == 0) {
        layerTotal += t1 - t0;
        jdbcTotal += t2 - t1;
      } else {
        jdbcTotal += t1 - t0;
        layerTotal += t2 - t1;
      }
    }
    perUnitNs[0] = layerTotal / (double) units;
    perUnitNs[1] = jdbcTotal / (double) units;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void flatWork(ConnectionProvider cp, int i) throws SQLException {
    insert(cp, i);
    try (Connection c = cp.current();
        PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setInt(1, i);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
      }
    }
  }

  private static void insert(ConnectionProvider cp, int i) throws SQLException {
    try (Connection c = cp.current();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setInt(1, i);
      ps.executeUpdate();
    }
  }

  private static void rawInsertSelect(Connection c, int i, boolean select) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setInt(1, i);
      ps.executeUpdate();
    }
    if (select) {
      try (PreparedStatement ps = c.prepareStatement(SELECT)) {
        ps.setInt(1, i);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
        }
      }
    }
  }

  private static void handFlat(DataSource ds, int i) throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        rawInsertSelect(c, i, true);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private static void handNested(DataSource ds, int i) throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        rawInsertSelect(c, i, false);
        Savepoint sp = c.setSavepoint("runtask_sp_1");
        try {
          rawInsertSelect(c, i, true);
          c.releaseSavepoint(sp);
        } catch (SQLException | RuntimeException e) {
          c.rollback(sp);
          throw e;
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }
}
