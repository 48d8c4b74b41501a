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
import java.util.Optional;
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

  TccCoordinator tcc(ObjectStore store) {
    return new TccCoordinator(
        tx,
        connections,
        store,
        "export-sales-report",
        "run-1",
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
        export.export(tcc(new LocalDirectoryObjectStore(objects)), "2026-11-21", now);

    assertThat(result.saleCount()).isEqualTo(2);
    assertThat(result.total()).isEqualByComparingTo(new BigDecimal("52.20"));
    assertThat(files()).containsExactly(Path.of("reports/sales-2026-11-21.csv"));
    assertThat(Files.readString(objects.resolve(result.objectKey()), StandardCharsets.UTF_8))
        .isEqualTo("day,sales,total\n2026-11-01,2,52.20\n");
    assertThat(reports.status("2026-11-21")).contains("CONFIRMED");
  }

  @Test
  void export_confirmFails_noReportObjectAndRowCancelled() throws Exception {
    ObjectStore real = new LocalDirectoryObjectStore(objects);
    ObjectStore broken =
        new ObjectStore() {

          @Override
          public void put(String key, byte[] content) throws IOException {
            real.put(key, content);
          }

          @Override
          public Optional<byte[]> get(String key) throws IOException {
            return real.get(key);
          }

          @Override
          public void copy(String fromKey, String toKey) throws IOException {
            throw new IOException("bucket policy denies the copy");
          }

          @Override
          public void delete(String key) throws IOException {
            real.delete(key);
          }
        };

    assertThatThrownBy(() -> export.export(tcc(broken), "2026-11-21", now))
        .hasMessage("bucket policy denies the copy");

    assertThat(files()).isEmpty();
    assertThat(reports.status("2026-11-21")).contains("CANCELLED");
  }
}
