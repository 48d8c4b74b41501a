package dev.runtask.tasks.sales;

import dev.runtask.runtime.tx.Batches;
import dev.runtask.runtime.tx.Transactions;
import java.util.List;

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
    List<String> ids = sales.allSaleIds();
    int[] changed = {0};
    int chunks =
        Batches.inChunks(
            transactions, ids, chunkSize, chunk -> changed[0] += sales.recalculateTotals(chunk));
    return new Result(ids.size(), changed[0], chunks);
  }
}
