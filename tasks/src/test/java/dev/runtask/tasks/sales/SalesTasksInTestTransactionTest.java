package dev.runtask.tasks.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.TaskRuntime;
import dev.runtask.runtime.db.ConnectionProvider;
import dev.runtask.testsupport.DatabaseTest;
import dev.runtask.testsupport.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow of seed 000: the test runs the real task in-process inside its rolled-back transaction;
 * the task's own transactions become savepoints and the test sees what the task wrote. Afterwards
 * the database is as the tests found it, execution records included.
 */
@DatabaseTest
class SalesTasksInTestTransactionTest {
  static final List<String> TABLES =
      List.of(
          "runtask_task_execution",
          "sale",
          "sale_line",
          "sales_report",
          "runtask_tcc_attempt",
          "runtask_tcc_object");
  static Map<String, Integer> rowsBefore;

  static Map<String, Integer> rowCounts() throws SQLException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (Connection c = TestDatabase.get().dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
          rs.next();
          counts.put(table, rs.getInt(1));
        }
      }
    }
    return counts;
  }

  @BeforeAll
  static void countRows() throws SQLException {
    rowsBefore = rowCounts();
  }

  @AfterAll
  static void databaseAsTheTestsFoundIt() throws SQLException {
    assertThat(rowCounts()).as("rows per table after the tests").isEqualTo(rowsBefore);
  }

  @TempDir Path dir;
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  TaskRuntime runtime() {
    return TaskRuntime.builder()
        .env(Map.of())
        .err(new PrintStream(err, true, StandardCharsets.UTF_8))
        .build();
  }

  Path csv(String... lines) throws Exception {
    Path file = dir.resolve("sales.csv");
    Files.writeString(file, "sale_id,sold_at,product_id,quantity\n" + String.join("\n", lines));
    return file;
  }

  @Test
  void importSales_goodFile_exit0AndSalesVisibleToTheTest(ConnectionProvider connections)
      throws Exception {
    Path file = csv("IT-1,2026-11-01T10:00:00Z,P-100,1", "IT-2,2026-11-01T11:00:00Z,P-200,2");

    int exit = runtime().execute("import-sales", "--file", file.toString());

    assertThat(exit).isZero();
    SaleRepository sales = new SaleRepository(connections);
    assertThat(sales.total("IT-1")).contains(new BigDecimal("24.50"));
    assertThat(sales.total("IT-2")).contains(new BigDecimal("79.80"));
  }

  @Test
  void importSales_databaseRejectsASaleInsideTheTask_exit3AndTestStillQueriesStateBeforeError(
      ConnectionProvider connections) throws Exception {
    new SaleRepository(connections)
        .insert(
            new Sale(
                "IT-9",
                java.time.OffsetDateTime.parse("2026-11-01T09:00:00Z"),
                List.of(new SaleLine(1, "P-100", 1, new BigDecimal("24.50")))));
    String tooLong = "IT-3" + "x".repeat(50);
    Path file = csv(tooLong + ",2026-11-01T10:00:00Z,P-100,1", "IT-4,2026-11-01T10:00:00Z,P-100,1");

    int exit = runtime().execute("import-sales", "--file", file.toString());

    assertThat(exit).isEqualTo(ImportSalesTask.SOME_ROWS_REJECTED);
    SaleRepository sales = new SaleRepository(connections);
    assertThat(sales.allSaleIds()).contains("IT-9", "IT-4").doesNotContain(tooLong);
  }

  @Test
  void importSales_missingFile_exit2AndNothingImported(ConnectionProvider connections)
      throws Exception {
    SaleRepository sales = new SaleRepository(connections);
    int before = sales.allSaleIds().size();

    int exit = runtime().execute("import-sales", "--file", dir.resolve("nope.csv").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(sales.allSaleIds()).hasSize(before);
  }

  @Test
  void recalculateSaleTotals_driftedTotal_correctedInsideTheTestTransaction(
      ConnectionProvider connections) throws Exception {
    runtime()
        .execute("import-sales", "--file", csv("IT-5,2026-11-01T10:00:00Z,P-300,3").toString());
    SaleRepository sales = new SaleRepository(connections);
    sales.overwriteTotal("IT-5", BigDecimal.ONE);

    int exit = runtime().execute("recalculate-sale-totals", "--chunk-size", "2");

    assertThat(exit).isZero();
    assertThat(sales.total("IT-5")).contains(new BigDecimal("9.60"));
  }

  @Test
  void recalculateSaleTotals_chunkAboveTheBindParameterLimit_exit0AndEveryTotalCorrected(
      ConnectionProvider connections) throws Exception {
    try (Connection c = connections.current();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "insert into sale (sale_id, sold_at, total)"
              + " select 'BIG-' || g, timestamp with time zone '2026-11-01 10:00:00+00', 1"
              + " from generate_series(1, 70000) g");
    }

    int exit = runtime().execute("recalculate-sale-totals", "--chunk-size", "70000");

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    SaleRepository sales = new SaleRepository(connections);
    assertThat(sales.total("BIG-1")).contains(new BigDecimal("0.00"));
    assertThat(sales.total("BIG-70000")).contains(new BigDecimal("0.00"));
  }
}
