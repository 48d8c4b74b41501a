package dev.runtask.tasks.sales;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses a sales CSV ({@code sale_id,sold_at,product_id,quantity}, one row per sale line, header
 * first) into sale drafts grouped by sale id, plus the rows it could not read with their line
 * numbers.
 */
public final class SalesCsv {
  static final String HEADER = "sale_id,sold_at,product_id,quantity";

  private SalesCsv() {}

  /** A row as read: its line number in the file and its fields. */
  public record Row(int lineNumber, String productId, int quantity) {}

  /** All rows of one sale id. */
  public record Draft(String saleId, OffsetDateTime soldAt, List<Row> rows) {}

  /** What a file held: drafts in file order and row errors. */
  public record Parsed(List<Draft> drafts, List<String> errors, Set<String> brokenSales) {}

  public static Parsed parse(BufferedReader reader) throws IOException {
    Map<String, Draft> drafts = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    Set<String> broken = new TreeSet<>();
    String line = reader.readLine();
    int lineNumber = 1;
    if (line == null || !line.trim().equalsIgnoreCase(HEADER)) {
      errors.add("line 1: expected the header '" + HEADER + "'");
      return new Parsed(List.of(), errors, broken);
    }
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length != 4) {
        errors.add("line " + lineNumber + ": expected 4 fields, got " + f.length);
        continue;
      }
      String saleId = f[0].trim();
      String productId = f[2].trim();
      if (saleId.isEmpty() || productId.isEmpty()) {
        errors.add("line " + lineNumber + ": sale_id and product_id must not be empty");
        continue;
      }
      int before = errors.size();
      OffsetDateTime soldAt = null;
      int quantity = 0;
      try {
        soldAt = OffsetDateTime.parse(f[1].trim());
      } catch (DateTimeParseException e) {
        errors.add(
            "line "
                + lineNumber
                + ": sold_at '"
                + f[1].trim()
                + "' is not an ISO-8601 date-time with offset, e.g. 2026-11-01T10:15:00Z");
      }
      try {
        quantity = Integer.parseInt(f[3].trim());
        if (quantity <= 0) {
          errors.add("line " + lineNumber + ": quantity must be positive, got " + quantity);
        }
      } catch (NumberFormatException e) {
        errors.add("line " + lineNumber + ": quantity '" + f[3].trim() + "' is not a whole number");
      }
      if (errors.size() > before) {
        broken.add(saleId);
        continue;
      }
      OffsetDateTime at = soldAt;
      Draft draft = drafts.computeIfAbsent(saleId, id -> new Draft(id, at, new ArrayList<>()));
      if (!draft.soldAt().isEqual(at)) {
        errors.add(
            "line "
                + lineNumber
                + ": sale "
                + saleId
                + " has sold_at "
                + at
                + " here but "
                + draft.soldAt()
                + " on an earlier line");
        broken.add(saleId);
        continue;
      }
      draft.rows().add(new Row(lineNumber, productId, quantity));
    }
    return new Parsed(List.copyOf(drafts.values()), errors, broken);
  }
}
