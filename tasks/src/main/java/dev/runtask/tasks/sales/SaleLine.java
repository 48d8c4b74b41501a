package dev.runtask.tasks.sales;

import java.math.BigDecimal;

/** One line of a sale; the unit price is the product's price at the time of the sale, copied. */
public record SaleLine(int lineNo, String productId, int quantity, BigDecimal unitPrice) {
  public BigDecimal amount() {
    return unitPrice.multiply(BigDecimal.valueOf(quantity));
  }
}
