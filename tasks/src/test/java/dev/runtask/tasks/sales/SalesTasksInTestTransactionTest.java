package dev.runtask.tasks.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.TaskRuntime;
import dev.runtask.runtime.db.ConnectionProvider;
import dev.runtask.testsupport.DatabaseTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow of seed 000: the test runs the real task in-process inside its rolled-back transaction;
 * the task's own transactions become savepoints and the test sees what the task wrote.
 */
@DatabaseTest
class SalesTasksInTestTransactionTest {
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
                java.util.List.of(new SaleLine(1, "P-100", 1, new BigDecimal("24.50")))));
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
}
