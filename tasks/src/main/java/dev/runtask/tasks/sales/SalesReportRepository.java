package dev.runtask.tasks.sales;

import dev.runtask.runtime.db.ConnectionProvider;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads sales per day and stores {@code sales_report} rows (PENDING until TCC confirms them). */
public final class SalesReportRepository {
  private final ConnectionProvider connections;

  public SalesReportRepository(ConnectionProvider connections) {
    this.connections = connections;
  }

  /** Sales of one day: how many and their total. */
  public record DayTotal(LocalDate day, int sales, BigDecimal total) {}

  public List<DayTotal> dailyTotals() {
    return connections.withConnection(
        c -> {
          List<DayTotal> days = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "select cast(sold_at as date) as sale_day, count(*), sum(total) from sale"
                          + " group by cast(sold_at as date) order by sale_day");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              days.add(
                  new DayTotal(
                      rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getBigDecimal(3)));
            }
          }
          return days;
        });
  }

  public void insertPending(
      String reportId,
      String objectKey,
      int saleCount,
      BigDecimal total,
      String attemptId,
      Instant createdAt) {
    connections.withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into sales_report (report_id,"
                      + " object_key, sale_count, total, status, tcc_attempt_id, created_at)"
                      + " values (?, ?, ?, ?, 'PENDING', ?, ?)")) {
            ps.setString(1, reportId);
            ps.setString(2, objectKey);
            ps.setInt(3, saleCount);
            ps.setBigDecimal(4, total);
            ps.setString(5, attemptId);
            ps.setTimestamp(6, Timestamp.from(createdAt));
            return ps.executeUpdate();
          }
        });
  }

  /** The status of a report row (PENDING, CONFIRMED, CANCELLED), if there is one. */
  public Optional<String> status(String reportId) {
    return connections.withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select status from sales_report where report_id = ?")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }
}
