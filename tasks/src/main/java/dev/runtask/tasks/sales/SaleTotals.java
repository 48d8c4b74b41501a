package dev.runtask.tasks.sales;

import dev.runtask.runtime.tx.Batches;
import dev.runtask.runtime.tx.Transactions;
import java.util.List;
import java.util.function.Predicate;

/**
 * Recalculates every sale's total from its lines, in chunks: one transaction per chunk of sales
 * rather than one per sale, so a dry run or a test (where each becomes a PostgreSQL subtransaction)
 * stays far below the 64-subtransaction cliff.
 */
public final class SaleTotals {
  private final Transactions transactions;
  private final SaleRepository sales;

  public SaleTotals(Transactions transactions, SaleRepository sales) {
    this.transactions = transactions;
    this.sales = sales;
  }

  /** What a recalculation did. */
  public record Result(int salesChecked, int totalsChanged, int transactions) {}

  public Result recalculateAll(int chunkSize) {
    return recalculateAll(chunkSize, saleId -> true);
  }

  /**
   * Recalculates the sales whose id {@code owned} accepts: a fan-out shard's part (the predicate is
   * the shard's, so this usecase knows nothing of shards).
   */
  public Result recalculateAll(int chunkSize, Predicate<String> owned) {
    List<String> ids = sales.allSaleIds().stream().filter(owned).toList();
    int[] changed = {0};
    int chunks =
        Batches.inChunks(
            transactions, ids, chunkSize, chunk -> changed[0] += sales.recalculateTotals(chunk));
    return new Result(ids.size(), changed[0], chunks);
  }
}
