package dev.runtask.tasks.sales;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The sale aggregate: a sale and its lines, always written together in one transaction. */
public record Sale(String saleId, OffsetDateTime soldAt, List<SaleLine> lines) {
  public Sale {
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("sale " + saleId + " has no lines");
    }
  }

  public BigDecimal total() {
    return lines.stream().map(SaleLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
