package dev.runtask.tasks.sales;

import dev.runtask.runtime.tx.DataAccessException;
import dev.runtask.runtime.tx.Transactions;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Imports sales from CSV: one transaction per sale, so a bad sale is reported (with line numbers)
 * and skipped while the good ones are kept; sales already present are skipped, so re-running the
 * same file changes nothing.
 */
public final class SalesImport {
  private static final String UNIQUE_VIOLATION = "23505";

  private final Transactions transactions;
  private final SaleRepository sales;
  private final ProductRepository products;

  public SalesImport(Transactions transactions, SaleRepository sales, ProductRepository products) {
    this.transactions = transactions;
    this.sales = sales;
    this.products = products;
  }

  /** What an import did. */
  public record Report(int imported, int alreadyPresent, List<String> problems) {
    public boolean clean() {
      return problems.isEmpty();
    }
  }

  private enum Outcome {
    IMPORTED,
    ALREADY_PRESENT
  }

  public Report importCsv(BufferedReader reader) throws IOException {
    SalesCsv.Parsed parsed = SalesCsv.parse(reader);
    List<String> problems = new ArrayList<>(parsed.errors());
    int imported = 0;
    int present = 0;
    for (SalesCsv.Draft draft : parsed.drafts()) {
      if (parsed.brokenSales().contains(draft.saleId())) {
        problems.add(
            lines(draft)
                + ": sale "
                + draft.saleId()
                + " skipped because some of its rows could not be read (see above)");
        continue;
      }
      try {
        Outcome outcome = transactions.inTransaction(() -> save(draft));
        if (outcome == Outcome.IMPORTED) {
          imported++;
        } else {
          present++;
        }
      } catch (UnknownProductException e) {
        problems.add(e.getMessage() + " (sale " + draft.saleId() + " skipped)");
      } catch (DataAccessException e) {
        if (UNIQUE_VIOLATION.equals(e.sqlState()) && alreadyThere(draft)) {
          present++;
          continue;
        }
        problems.add(
            lines(draft)
                + ": the database rejected sale "
                + draft.saleId()
                + ": "
                + e.getMessage());
      }
    }
    return new Report(imported, present, problems);
  }

  /** A concurrent run inserted the same sale between our check and our insert. */
  private boolean alreadyThere(SalesCsv.Draft draft) {
    return transactions.inTransaction(() -> sales.exists(draft.saleId()));
  }

  private Outcome save(SalesCsv.Draft draft) {
    if (sales.exists(draft.saleId())) {
      return Outcome.ALREADY_PRESENT;
    }
    List<SaleLine> lines = new ArrayList<>();
    int lineNo = 1;
    for (SalesCsv.Row row : draft.rows()) {
      BigDecimal price =
          products
              .unitPrice(row.productId())
              .orElseThrow(
                  () ->
                      new UnknownProductException(
                          "line "
                              + row.lineNumber()
                              + ": unknown product '"
                              + row.productId()
                              + "'"));
      lines.add(new SaleLine(lineNo++, row.productId(), row.quantity(), price));
    }
    sales.insert(new Sale(draft.saleId(), draft.soldAt(), lines));
    return Outcome.IMPORTED;
  }

  private static String lines(SalesCsv.Draft draft) {
    return "line"
        + (draft.rows().size() > 1 ? "s " : " ")
        + draft.rows().stream()
            .map(r -> String.valueOf(r.lineNumber()))
            .collect(Collectors.joining(", "));
  }

  /** A sale line names a product that does not exist. */
  static final class UnknownProductException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownProductException(String message) {
      super(message);
    }
  }
}
