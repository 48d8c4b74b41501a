package dev.runtask.tasks.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.db.ConnectionProvider;
import dev.runtask.runtime.tx.Transactions;
import dev.runtask.testsupport.DatabaseTest;
import java.io.BufferedReader;
import java.io.StringReader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

@DatabaseTest
class SaleTotalsTest {

  @Test
  void recalculateAll_driftedTotals_fixedInChunkedTransactions(
      Transactions tx, ConnectionProvider connections) throws Exception {
    SaleRepository sales = new SaleRepository(connections);
    StringBuilder csv = new StringBuilder("sale_id,sold_at,product_id,quantity\n");
    for (int i = 1; i <= 12; i++) {
      csv.append(String.format("T-%02d,2026-11-01T10:00:00Z,P-300,%d%n", i, i));
    }
    new SalesImport(tx, sales, new ProductRepository(connections))
        .importCsv(new BufferedReader(new StringReader(csv.toString())));
    sales.overwriteTotal("T-03", new BigDecimal("1.00"));
    sales.overwriteTotal("T-11", new BigDecimal("0.00"));

    SaleTotals.Result result = new SaleTotals(tx, sales).recalculateAll(5);

    assertThat(result.totalsChanged()).isEqualTo(2);
    assertThat(result.transactions())
        .as("one transaction per chunk of 5, not one per sale")
        .isEqualTo((result.salesChecked() + 4) / 5);
    assertThat(sales.total("T-03")).contains(new BigDecimal("9.60"));
    assertThat(sales.total("T-11")).contains(new BigDecimal("35.20"));
  }
}
