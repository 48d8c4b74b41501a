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

/**
 * Reads sales per day and stores {@code sales_report} rows, one per export attempt (PENDING until
 * TCC confirms or cancels it).
 */
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

  /** One export attempt of a report, as recorded in {@code sales_report}. */
  public record Attempt(String attemptId, String status, Instant createdAt) {}

  /** Writes the PENDING row of an attempt; the report id is unique among live rows only. */
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
                  "insert into sales_report (tcc_attempt_id, report_id, live_report_id,"
                      + " object_key, sale_count, total, status, created_at)"
                      + " values (?, ?, ?, ?, ?, ?, 'PENDING', ?)")) {
            ps.setString(1, attemptId);
            ps.setString(2, reportId);
            ps.setString(3, reportId);
            ps.setString(4, objectKey);
            ps.setInt(5, saleCount);
            ps.setBigDecimal(6, total);
            ps.setTimestamp(7, Timestamp.from(createdAt));
            return ps.executeUpdate();
          }
        });
  }

  /**
   * The status of a report: its live row's (PENDING or CONFIRMED), else CANCELLED when only
   * cancelled attempts exist, else empty.
   */
  public Optional<String> status(String reportId) {
    return connections.withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select status from sales_report where report_id = ?"
                      + " order by case when live_report_id is null then 1 else 0 end,"
                      + " created_at desc")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /** The object key of the report's confirmed export, if it has one. */
  public Optional<String> confirmedObjectKey(String reportId) {
    return connections.withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select object_key from sales_report"
                      + " where live_report_id = ? and status = 'CONFIRMED'")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /** Every export attempt of a report, oldest first: cancelled ones stay as history. */
  public List<Attempt> attempts(String reportId) {
    return connections.withConnection(
        c -> {
          List<Attempt> attempts = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select tcc_attempt_id, status, created_at from sales_report"
                      + " where report_id = ? order by created_at, tcc_attempt_id")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                attempts.add(
                    new Attempt(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
              }
            }
          }
          return attempts;
        });
  }
}
