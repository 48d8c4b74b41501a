package dev.runtask.tasks.sales;

import dev.runtask.runtime.api.ExitCodes;
import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.api.Task;
import dev.runtask.runtime.api.TaskContext;
import dev.runtask.runtime.db.Database;
import dev.runtask.runtime.db.DryRun;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Imports sales from CSV, one transaction per sale; re-running the same file changes nothing. */
@Task(
    name = "import-sales",
    description =
        "Imports sales from a CSV file (sale_id,sold_at,product_id,quantity); bad rows are"
            + " reported with line numbers, good sales kept; exit 3 when some rows were rejected")
public final class ImportSalesTask implements RunnableTask {
  /** Exit code when the import finished but some rows or sales were rejected. */
  public static final int SOME_ROWS_REJECTED = 3;

  private static final Logger log = LoggerFactory.getLogger(ImportSalesTask.class);

  @Option(
      names = "--file",
      required = true,
      paramLabel = "<csv>",
      description = "CSV file with the header sale_id,sold_at,product_id,quantity")
  Path file;

  @Mixin DryRun dryRun;

  @Override
  public int run(TaskContext context) throws Exception {
    if (!Files.isReadable(file)) {
      log.error("--file {} does not exist or cannot be read; nothing was done", file);
      return ExitCodes.USAGE;
    }
    Database db = context.database();
    SalesImport salesImport =
        new SalesImport(
            db.transactions(),
            new SaleRepository(db.connections()),
            new ProductRepository(db.connections()));
    SalesImport.Report report;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      report = salesImport.importCsv(reader);
    }
    report.problems().forEach(problem -> log.warn("{}: {}", file.getFileName(), problem));
    log.info(
        "Imported {} sales from {} ({} already present, {} problems)",
        report.imported(),
        file,
        report.alreadyPresent(),
        report.problems().size());
    return report.clean() ? ExitCodes.SUCCESS : SOME_ROWS_REJECTED;
  }
}
