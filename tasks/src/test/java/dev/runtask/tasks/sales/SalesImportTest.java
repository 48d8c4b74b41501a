package dev.runtask.tasks.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.db.ConnectionProvider;
import dev.runtask.runtime.tx.Transactions;
import dev.runtask.testsupport.DatabaseTest;
import java.io.BufferedReader;
import java.io.StringReader;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class SalesImportTest {
  private static final String GOOD_AND_BAD =
      String.join(
          "\n",
          "sale_id,sold_at,product_id,quantity",
          "S-1,2026-11-01T10:00:00Z,P-100,2",
          "S-1,2026-11-01T10:00:00Z,P-300,1",
          "S-2,2026-11-01T11:00:00Z,P-999,1",
          "S-3,2026-11-01T12:00:00Z,P-200,zero",
          "S-4,2026-11-01T13:00:00Z,P-200,1",
          "");

  Transactions tx;
  SaleRepository sales;
  ProductRepository products;
  SalesImport salesImport;

  @BeforeEach
  void wire(Transactions tx, ConnectionProvider connections) {
    this.tx = tx;
    sales = new SaleRepository(connections);
    products = new ProductRepository(connections);
    salesImport = new SalesImport(tx, sales, products);
  }

  private SalesImport.Report importCsv(String csv) throws Exception {
    return salesImport.importCsv(new BufferedReader(new StringReader(csv)));
  }

  @Test
  void importCsv_goodAndBadRows_goodSalesKeptBadRowsReportedWithLineNumbers() throws Exception {
    SalesImport.Report report = importCsv(GOOD_AND_BAD);

    assertThat(report.imported()).isEqualTo(2);
    assertThat(report.problems())
        .containsExactly(
            "line 5: quantity 'zero' is not a whole number",
            "line 4: unknown product 'P-999' (sale S-2 skipped)");
    assertThat(sales.total("S-1")).contains(new BigDecimal("52.20"));
    assertThat(sales.exists("S-2")).isFalse();
    assertThat(sales.exists("S-3")).isFalse();
    assertThat(sales.total("S-4")).contains(new BigDecimal("39.90"));
  }

  @Test
  void importCsv_sameFileTwice_secondRunChangesNothing() throws Exception {
    importCsv(GOOD_AND_BAD);

    SalesImport.Report again = importCsv(GOOD_AND_BAD);

    assertThat(again.imported()).isZero();
    assertThat(again.alreadyPresent()).isEqualTo(2);
    assertThat(sales.allSaleIds()).containsOnlyOnce("S-1", "S-4").doesNotContain("S-2", "S-3");
  }

  @Test
  void importCsv_productPriceChangesLater_saleKeepsCopiedPrice() throws Exception {
    importCsv(GOOD_AND_BAD);

    products.changePrice("P-100", new BigDecimal("99.00"));
    new SaleTotals(tx, sales).recalculateAll(10);

    assertThat(sales.total("S-1")).contains(new BigDecimal("52.20"));
  }

  @Test
  void importCsv_databaseRejectsOneSale_laterSalesStillImported() throws Exception {
    String tooLongId = "S-" + "x".repeat(60);
    SalesImport.Report report =
        importCsv(
            String.join(
                "\n",
                "sale_id,sold_at,product_id,quantity",
                tooLongId + ",2026-11-01T10:00:00Z,P-100,1",
                "S-5,2026-11-01T10:00:00Z,P-100,1"));

    assertThat(report.problems())
        .singleElement()
        .asString()
        .startsWith("line 2: the database rejected sale " + tooLongId);
    assertThat(report.imported()).isEqualTo(1);
    assertThat(sales.exists("S-5")).isTrue();
  }

  @Test
  void importCsv_rowWithInconsistentSaleTime_wholeSaleSkipped() throws Exception {
    SalesImport.Report report =
        importCsv(
            String.join(
                "\n",
                "sale_id,sold_at,product_id,quantity",
                "S-6,2026-11-01T10:00:00Z,P-100,1",
                "S-6,2026-11-02T10:00:00Z,P-200,1"));

    assertThat(report.imported()).isZero();
    assertThat(report.problems()).hasSize(2).first().asString().startsWith("line 3: sale S-6");
    assertThat(sales.exists("S-6")).isFalse();
  }

  @Test
  void importCsv_missingHeader_reportedOnLineOneAndNothingImported() throws Exception {
    SalesImport.Report report = importCsv("S-1,2026-11-01T10:00:00Z,P-100,2\n");

    assertThat(report.problems())
        .singleElement()
        .asString()
        .startsWith("line 1: expected the header");
    assertThat(sales.exists("S-1")).isFalse();
  }
}
