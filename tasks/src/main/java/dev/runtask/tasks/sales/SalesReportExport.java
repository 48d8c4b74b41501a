package dev.runtask.tasks.sales;

import dev.runtask.runtime.db.ConnectionProvider;
import dev.runtask.runtime.tcc.PendingRows;
import dev.runtask.runtime.tcc.TccCoordinator;
import dev.runtask.runtime.tx.Transactions;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Writes a sales report object plus a {@code sales_report} row through try/confirm/cancel: both
 * appear together, or neither does (seed 002).
 */
public final class SalesReportExport {
  /** The table TCC confirms or cancels for this export. */
  public static final PendingRows REPORT_ROWS =
      new PendingRows("sales_report", "tcc_attempt_id", "status");

  private final Transactions transactions;
  private final ConnectionProvider connections;

  public SalesReportExport(Transactions transactions, ConnectionProvider connections) {
    this.transactions = transactions;
    this.connections = connections;
  }

  /** What was exported. */
  public record Result(String objectKey, int saleCount, BigDecimal total, int abandonedCancelled) {}

  public Result export(TccCoordinator tcc, String reportId, Instant now) throws Exception {
    int abandoned = tcc.cancelAbandoned();
    return tcc.execute(reservation -> {
      StringBuilder csv = new StringBuilder("day,sales,total\n");
      int[] count = {0};
      BigDecimal[] total = {BigDecimal.ZERO};
      try (Connection c = connections.current();
          PreparedStatement ps = c.prepareStatement(
              "select cast(sold_at as date) as sale_day, count(*), sum(total) from sale"
                  + " group by cast(sold_at as date) order by sale_day");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          csv.append(rs.getString(1)).append(',').append(rs.getInt(2)).append(',')
              .append(rs.getBigDecimal(3).toPlainString()).append('\n');
          count[0] += rs.getInt(2);
          total[0] = total[0].add(rs.getBigDecimal(3));
        }
      }
      String key = "reports/sales-" + reportId + ".csv";
      transactions.runInTransaction(() -> insertPending(reportId, key, count[0], total[0],
          reservation.attemptId(), now));
      reservation.putObject(key, csv.toString().getBytes(StandardCharsets.UTF_8));
      return new Result(key, count[0], total[0], abandoned);
    });
  }

  private void insertPending(String reportId, String key, int count, BigDecimal total,
      String attemptId, Instant now) throws SQLException {
    try (Connection c = connections.current();
        PreparedStatement ps = c.prepareStatement("insert into sales_report (report_id, object_key,"
            + " sale_count, total, status, tcc_attempt_id, created_at)"
            + " values (?, ?, ?, ?, 'PENDING', ?, ?)")) {
      ps.setString(1, reportId);
      ps.setString(2, key);
      ps.setInt(3, count);
      ps.setBigDecimal(4, total);
      ps.setString(5, attemptId);
      ps.setTimestamp(6, Timestamp.from(now));
      ps.executeUpdate();
    }
  }

  /** The status of a report row, or null when there is none. */
  public String status(String reportId) throws SQLException {
    try (Connection c = connections.current();
        PreparedStatement ps =
            c.prepareStatement("select status from sales_report where report_id = ?")) {
      ps.setString(1, reportId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
