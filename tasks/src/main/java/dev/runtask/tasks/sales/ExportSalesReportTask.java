package dev.runtask.tasks.sales;

import dev.runtask.runtime.api.ExitCodes;
import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.api.Task;
import dev.runtask.runtime.api.TaskContext;
import dev.runtask.runtime.db.Database;
import dev.runtask.runtime.tcc.ObjectStores;
import dev.runtask.runtime.tcc.TccCoordinator;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * Writes a sales report to the object store (S3 via RUNTASK_OBJECT_STORE, else .local/objects) and
 * records it in sales_report, through try/confirm/cancel. Single-instance, so attempts left pending
 * by a crashed run can safely be cancelled by the next one.
 */
@Task(
    name = "export-sales-report",
    description =
        "Writes a per-day sales report object and its sales_report row (try/confirm/cancel)",
    singleInstance = true)
public final class ExportSalesReportTask implements RunnableTask {
  private static final Logger log = LoggerFactory.getLogger(ExportSalesReportTask.class);

  @Option(
      names = "--report-id",
      paramLabel = "<id>",
      description = "Report id, part of the object key (default: today's date, UTC)")
  String reportId;

  @Override
  public int run(TaskContext context) throws Exception {
    String id =
        reportId != null
            ? reportId
            : context.startedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    var store = ObjectStores.fromEnvironment(System.getenv(), Path.of(".local"));
    Database db = context.database();
    TccCoordinator tcc =
        new TccCoordinator(
            db.transactions(),
            db.connections(),
            store,
            context.taskName(),
            context.runId(),
            context.clock(),
            List.of(SalesReportExport.REPORT_ROWS));
    SalesReportExport.Result result;
    try {
      result =
          new SalesReportExport(db.transactions(), new SalesReportRepository(db.connections()))
              .export(tcc, id, context.clock().instant());
    } catch (SalesReportExport.AlreadyExportedException e) {
      log.error("{}; nothing was done", e.getMessage());
      return ExitCodes.USAGE;
    }
    if (result.abandonedCancelled() > 0) {
      log.warn(
          "Cancelled {} report attempts left pending by an earlier run",
          result.abandonedCancelled());
    }
    log.info(
        "Wrote report {} ({} sales, total {})",
        result.objectKey(),
        result.saleCount(),
        result.total());
    return ExitCodes.SUCCESS;
  }
}
