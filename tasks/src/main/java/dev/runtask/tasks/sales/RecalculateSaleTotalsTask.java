package dev.runtask.tasks.sales;

import dev.runtask.runtime.api.ExitCodes;
import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.api.Shard;
import dev.runtask.runtime.api.Task;
import dev.runtask.runtime.api.TaskContext;
import dev.runtask.runtime.db.Database;
import dev.runtask.runtime.db.DryRun;
import dev.runtask.runtime.tx.Batches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Sets every sale's total to the sum of its lines, one transaction per chunk of sales (see {@link
 * Batches} on PostgreSQL's 64-subtransaction cliff). Fanned out ({@code launcher run --shards N}),
 * each shard takes only the sales it owns by sale id. Single-instance per shard: two overlapping
 * runs of the same shard would only fight over the same rows.
 */
@Task(
    name = "recalculate-sale-totals",
    description = "Recalculates sale totals from their lines, in chunked transactions",
    singleInstance = true)
public final class RecalculateSaleTotalsTask implements RunnableTask {
  private static final Logger log = LoggerFactory.getLogger(RecalculateSaleTotalsTask.class);

  @Option(
      names = "--chunk-size",
      defaultValue = "" + Batches.DEFAULT_CHUNK_SIZE,
      description = "Sales per transaction (default: ${DEFAULT-VALUE})")
  int chunkSize;

  @Mixin DryRun dryRun;

  @Override
  public int run(TaskContext context) throws Exception {
    if (chunkSize < 1) {
      log.error("--chunk-size must be at least 1, got {}; nothing was done", chunkSize);
      return ExitCodes.USAGE;
    }
    Database db = context.database();
    Shard shard = context.shard();
    SaleTotals.Result result =
        new SaleTotals(db.transactions(), new SaleRepository(db.connections()))
            .recalculateAll(chunkSize, shard::owns);
    log.info(
        "Checked {} sales{} in {} transactions; {} totals corrected",
        result.salesChecked(),
        shard.isSharded() ? " (the part shard " + shard + " owns)" : "",
        result.transactions(),
        result.totalsChanged());
    return ExitCodes.SUCCESS;
  }
}
