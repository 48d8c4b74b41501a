package dev.runtask.tasks.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtask.runtime.db.ConnectionProvider;
import dev.runtask.runtime.tcc.LocalDirectoryObjectStore;
import dev.runtask.runtime.tcc.ObjectStore;
import dev.runtask.runtime.tcc.TccCoordinator;
import dev.runtask.runtime.tx.Transactions;
import dev.runtask.testsupport.DatabaseTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DatabaseTest
class SalesReportExportTest {
  @TempDir Path objects;
  Transactions tx;
  ConnectionProvider connections;
  SalesReportExport export;
  SalesReportRepository reports;
  final Instant now = Instant.parse("2026-11-21T09:00:00Z");

  @BeforeEach
  void importTwoSales(Transactions tx, ConnectionProvider connections) throws Exception {
    this.tx = tx;
    this.connections = connections;
    reports = new SalesReportRepository(connections);
    export = new SalesReportExport(tx, reports);
    new SalesImport(tx, new SaleRepository(connections), new ProductRepository(connections))
        .importCsv(
            new BufferedReader(
                new StringReader(
                    String.join(
                        "\n",
                        "sale_id,sold_at,product_id,quantity",
                        "R-1,2026-11-01T10:00:00Z,P-100,2",
                        "R-2,2026-11-01T12:00:00Z,P-300,1"))));
  }

  TccCoordinator tcc(ObjectStore store, String runId) {
    return new TccCoordinator(
        tx,
        connections,
        store,
        "export-sales-report",
        runId,
        Clock.systemUTC(),
        List.of(SalesReportExport.REPORT_ROWS));
  }

  List<Path> files() throws IOException {
    try (Stream<Path> s = Files.walk(objects)) {
      return s.filter(Files::isRegularFile).map(objects::relativize).toList();
    }
  }

  @Test
  void export_allGoesWell_reportObjectAtFinalKeyAndRowConfirmed() throws Exception {
    SalesReportExport.Result result =
        export.export(tcc(new LocalDirectoryObjectStore(objects), "run-1"), "2026-11-21", now);

    assertThat(result.saleCount()).isEqualTo(2);
    assertThat(result.total()).isEqualByComparingTo(new BigDecimal("52.20"));
    assertThat(files()).containsExactly(Path.of("reports/sales-2026-11-21.csv"));
    assertThat(Files.readString(objects.resolve(result.objectKey()), StandardCharsets.UTF_8))
        .isEqualTo("day,sales,total\n2026-11-01,2,52.20\n");
    assertThat(reports.status("2026-11-21")).contains("CONFIRMED");
  }

  @Test
  void export_confirmFails_noReportObjectAndRowCancelled() throws Exception {
    ObjectStore store = FaultyStore.copyDenied(new LocalDirectoryObjectStore(objects));

    assertThatThrownBy(() -> export.export(tcc(store, "run-1"), "2026-11-21", now))
        .hasMessage("bucket policy denies the copy");

    assertThat(files()).isEmpty();
    assertThat(reports.status("2026-11-21")).contains("CANCELLED");
  }

  @Test
  void export_sameIdAfterACancelledAttempt_succeedsAndTheCancelledAttemptStaysInTheHistory()
      throws Exception {
    ObjectStore real = new LocalDirectoryObjectStore(objects);
    assertThatThrownBy(
        () -> export.export(tcc(FaultyStore.copyDenied(real), "run-1"), "2026-11-21", now));

    export.export(tcc(real, "run-2"), "2026-11-21", now);

    assertThat(reports.status("2026-11-21")).contains("CONFIRMED");
    assertThat(reports.attempts("2026-11-21"))
        .extracting(SalesReportRepository.Attempt::status)
        .containsExactlyInAnyOrder("CANCELLED", "CONFIRMED");
    assertThat(files()).containsExactly(Path.of("reports/sales-2026-11-21.csv"));
  }

  @Test
  void export_sameIdAfterARunDiedDuringConfirm_nextRunCancelsItAndSucceeds() throws Exception {
    ObjectStore real = new LocalDirectoryObjectStore(objects);
    assertThatThrownBy(
            () ->
                export.export(
                    tcc(FaultyStore.diesDuringConfirm(real), "crashed-run"), "2026-11-21", now))
        .hasMessage("process died");
    assertThat(reports.status("2026-11-21")).contains("PENDING");

    SalesReportExport.Result rerun = export.export(tcc(real, "run-2"), "2026-11-21", now);

    assertThat(rerun.abandonedCancelled()).isEqualTo(1);
    assertThat(reports.status("2026-11-21")).contains("CONFIRMED");
    assertThat(reports.attempts("2026-11-21"))
        .extracting(SalesReportRepository.Attempt::status)
        .containsExactlyInAnyOrder("CANCELLED", "CONFIRMED");
    assertThat(files()).containsExactly(Path.of("reports/sales-2026-11-21.csv"));
  }

  @Test
  void export_sameIdAfterItWasConfirmed_refusedAndTheConfirmedReportKept() throws Exception {
    ObjectStore store = new LocalDirectoryObjectStore(objects);
    export.export(tcc(store, "run-1"), "2026-11-21", now);

    assertThatThrownBy(() -> export.export(tcc(store, "run-2"), "2026-11-21", now))
        .isInstanceOf(SalesReportExport.AlreadyExportedException.class)
        .hasMessage(
            "report 2026-11-21 was already exported to reports/sales-2026-11-21.csv;"
                + " a confirmed report is never replaced: give another --report-id");

    assertThat(reports.attempts("2026-11-21")).hasSize(1);
    assertThat(Files.readString(objects.resolve("reports/sales-2026-11-21.csv")))
        .isEqualTo("day,sales,total\n2026-11-01,2,52.20\n");
  }
}
