package dev.runtask.tasks.sales;

import dev.runtask.runtime.db.ConnectionProvider;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Reads products, the other aggregate; sales refer to them by id only. */
public final class ProductRepository {
  private final ConnectionProvider connections;

  public ProductRepository(ConnectionProvider connections) {
    this.connections = connections;
  }

  /** The current unit price of a product, if it exists. */
  public Optional<BigDecimal> unitPrice(String productId) {
    return connections.withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select unit_price from product where product_id = ?")) {
            ps.setString(1, productId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getBigDecimal(1)) : Optional.empty();
            }
          }
        });
  }

  /** Changes a product's price; past sales keep the price copied onto their lines. */
  public void changePrice(String productId, BigDecimal unitPrice) {
    connections.withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("update product set unit_price = ? where product_id = ?")) {
            ps.setBigDecimal(1, unitPrice);
            ps.setString(2, productId);
            return ps.executeUpdate();
          }
        });
  }
}
