package dev.runtask.tasks.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.TaskRuntime;
import dev.runtask.runtime.db.DatabaseSettings;
import dev.runtask.runtime.db.PooledDatabase;
import dev.runtask.runtime.tcc.LocalDirectoryObjectStore;
import dev.runtask.runtime.tcc.TccCoordinator;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample tasks on the embedded default (H2 in PostgreSQL mode), which `-e local` uses: the
 * migrations and every statement of the sample domain must run there too.
 */
class EmbeddedDefaultDatabaseTest {
  @TempDir Path dir;
  final String url =
      "jdbc:h2:mem:sales-"
          + UUID.randomUUID()
          + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  final Map<String, String> env = Map.of("RUNTASK_DB_URL", url, "RUNTASK_DB_USER", "sa");

  @Test
  void importRecalculateExport_onH2_sameResultsAsOnPostgres() throws Exception {
    Path csv = dir.resolve("sales.csv");
    Files.writeString(
        csv,
        String.join(
            "\n",
            "sale_id,sold_at,product_id,quantity",
            "H-1,2026-11-01T10:00:00Z,P-100,2",
            "H-1,2026-11-01T10:00:00Z,P-300,1",
            "H-2,2026-11-02T10:00:00Z,P-200,1"));
    TaskRuntime runtime = TaskRuntime.builder().env(env).build();

    assertThat(runtime.execute("import-sales", "--file", csv.toString())).isZero();
    assertThat(runtime.execute("import-sales", "--file", csv.toString())).isZero();
    assertThat(runtime.execute("recalculate-sale-totals", "--dry-run")).isZero();

    try (PooledDatabase db = PooledDatabase.open(DatabaseSettings.of(url, "sa", ""))) {
      SaleRepository sales = new SaleRepository(db.connections());
      assertThat(sales.allSaleIds()).containsExactly("H-1", "H-2");
      assertThat(sales.total("H-1")).contains(new BigDecimal("52.20"));
      TccCoordinator tcc =
          new TccCoordinator(
              db.transactions(),
              db.connections(),
              new LocalDirectoryObjectStore(dir.resolve("objects")),
              "export-sales-report",
              "run-1",
              Clock.systemUTC(),
              List.of(SalesReportExport.REPORT_ROWS));
      SalesReportExport.Result report =
          new SalesReportExport(db.transactions(), new SalesReportRepository(db.connections()))
              .export(tcc, "h2", Instant.parse("2026-11-21T00:00:00Z"));
      assertThat(Files.readString(dir.resolve("objects").resolve(report.objectKey())))
          .isEqualTo("day,sales,total\n2026-11-01,1,52.20\n2026-11-02,1,39.90\n");
    }
  }
}
