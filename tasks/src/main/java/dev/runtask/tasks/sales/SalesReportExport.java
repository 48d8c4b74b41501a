package dev.runtask.tasks.sales;

import dev.runtask.runtime.tcc.PendingRows;
import dev.runtask.runtime.tcc.TccCoordinator;
import dev.runtask.runtime.tx.TransactionOptions;
import dev.runtask.runtime.tx.Transactions;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Writes a sales report object plus a {@code sales_report} row through try/confirm/cancel: both
 * appear together, or neither does (seed 002).
 */
public final class SalesReportExport {
  /** The table TCC confirms or cancels for this export. */
  public static final PendingRows REPORT_ROWS =
      new PendingRows("sales_report", "tcc_attempt_id", "status", "live_report_id");

  private final Transactions transactions;
  private final SalesReportRepository reports;

  public SalesReportExport(Transactions transactions, SalesReportRepository reports) {
    this.transactions = transactions;
    this.reports = reports;
  }

  /** What was exported. */
  public record Result(String objectKey, int saleCount, BigDecimal total, int abandonedCancelled) {}

  /** The report was confirmed by an earlier run; reports are never replaced. */
  public static final class AlreadyExportedException extends Exception {
    private static final long serialVersionUID = 1L;

    AlreadyExportedException(String message) {
      super(message);
    }
  }

  /**
   * Exports report {@code reportId}: cancels attempts a crashed run left pending (so a rerun with
   * the same id works), then writes the report through TCC. Refused, with nothing written, when the
   * report was already confirmed.
   */
  public Result export(TccCoordinator tcc, String reportId, Instant now) throws Exception {
    var confirmed =
        transactions.inTransaction(
            TransactionOptions.readOnly(), () -> reports.confirmedObjectKey(reportId));
    if (confirmed.isPresent()) {
      throw new AlreadyExportedException(
          "report "
              + reportId
              + " was already exported to "
              + confirmed.get()
              + "; a confirmed report is never replaced: give another --report-id");
    }
    int abandoned = tcc.cancelAbandoned();
    return tcc.execute(
        reservation -> {
          List<SalesReportRepository.DayTotal> days =
              transactions.inTransaction(TransactionOptions.readOnly(), reports::dailyTotals);
          StringBuilder csv = new StringBuilder("day,sales,total\n");
          int count = 0;
          BigDecimal total = BigDecimal.ZERO;
          for (SalesReportRepository.DayTotal day : days) {
            csv.append(day.day())
                .append(',')
                .append(day.sales())
                .append(',')
                .append(day.total().toPlainString())
                .append('\n');
            count += day.sales();
            total = total.add(day.total());
          }
          String key = "reports/sales-" + reportId + ".csv";
          int saleCount = count;
          BigDecimal sum = total;
          transactions.runInTransaction(
              () ->
                  reports.insertPending(
                      reportId, key, saleCount, sum, reservation.attemptId(), now));
          reservation.putObject(key, csv.toString().getBytes(StandardCharsets.UTF_8));
          return new Result(key, saleCount, sum, abandoned);
        });
  }
}
