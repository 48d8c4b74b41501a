package dev.runtask.tasks.sales;

import dev.runtask.runtime.db.ConnectionProvider;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Stores sale aggregates (sale + lines). Callers decide the transaction; this class never does, and
 * it throws {@link dev.runtask.runtime.tx.DataAccessException}, never JDBC exceptions.
 */
public final class SaleRepository {
  /** Sale ids bound in one statement; far below any driver's limit on bind parameters. */
  static final int IDS_PER_STATEMENT = 1000;

  private final ConnectionProvider connections;

  public SaleRepository(ConnectionProvider connections) {
    this.connections = connections;
  }

  public boolean exists(String saleId) {
    return connections.withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("select 1 from sale where sale_id = ?")) {
            ps.setString(1, saleId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  /** Inserts the sale and its lines; call inside a transaction so they land together. */
  public void insert(Sale sale) {
    connections.withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("insert into sale (sale_id, sold_at, total) values (?, ?, ?)")) {
            ps.setString(1, sale.saleId());
            ps.setObject(2, sale.soldAt());
            ps.setBigDecimal(3, sale.total());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into sale_line (sale_id, line_no, product_id, quantity, unit_price)"
                      + " values (?, ?, ?, ?, ?)")) {
            for (SaleLine line : sale.lines()) {
              ps.setString(1, sale.saleId());
              ps.setInt(2, line.lineNo());
              ps.setString(3, line.productId());
              ps.setInt(4, line.quantity());
              ps.setBigDecimal(5, line.unitPrice());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  public Optional<BigDecimal> total(String saleId) {
    return connections.withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select total from sale where sale_id = ?")) {
            ps.setString(1, saleId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getBigDecimal(1)) : Optional.empty();
            }
          }
        });
  }

  public List<String> allSaleIds() {
    return connections.withConnection(
        c -> {
          List<String> ids = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("select sale_id from sale order by sale_id")) {
            while (rs.next()) {
              ids.add(rs.getString(1));
            }
          }
          return ids;
        });
  }

  /**
   * Sets each sale's total to the sum of its lines; returns how many totals changed. Any number of
   * ids: they go in statements of at most {@value #IDS_PER_STATEMENT} (PostgreSQL's protocol caps
   * bind parameters at 65,535 per statement).
   */
  public int recalculateTotals(List<String> saleIds) {
    int changed = 0;
    for (int from = 0; from < saleIds.size(); from += IDS_PER_STATEMENT) {
      changed +=
          recalculateSome(
              saleIds.subList(from, Math.min(saleIds.size(), from + IDS_PER_STATEMENT)));
    }
    return changed;
  }

  private int recalculateSome(List<String> saleIds) {
    String in = String.join(", ", Collections.nCopies(saleIds.size(), "?"));
    String lineSum =
        "(select coalesce(sum(l.quantity * l.unit_price), 0) from sale_line l"
            + " where l.sale_id = sale.sale_id)";
    return connections.withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update sale set total = "
                      + lineSum
                      + " where sale_id in ("
                      + in
                      + ") and total <> "
                      + lineSum)) {
            for (int i = 0; i < saleIds.size(); i++) {
              ps.setString(i + 1, saleIds.get(i));
            }
            return ps.executeUpdate();
          }
        });
  }

  /** Sets a total directly; used to simulate totals that drifted from their lines. */
  public void overwriteTotal(String saleId, BigDecimal total) {
    connections.withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("update sale set total = ? where sale_id = ?")) {
            ps.setBigDecimal(1, total);
            ps.setString(2, saleId);
            return ps.executeUpdate();
          }
        });
  }
}
