package dev.runtask.runtime.tx;

import java.util.List;
import java.util.Objects;

/**
 * Runs work over many items in chunks, one transaction per chunk. Use it instead of one transaction
 * per row when a loop may cover thousands of rows: inside a test or a dry run every transaction is
 * a PostgreSQL subtransaction, and past 64 open ones per backend the whole server slows down
 * sharply (docs/transactions.md).
 *
 * <p>It stops cooperatively: once the execution was asked to stop no further chunk begins, and a
 * chunk that fails while the stop is under way (its statement was cancelled) is rolled back whole;
 * either way it throws {@link StopRequestedException} saying how far it got.
 */
public final class Batches {
  /** A chunk size that keeps transactions short and subtransactions few. */
  public static final int DEFAULT_CHUNK_SIZE = 500;

  private Batches() {}

  /** What to do with one chunk, inside its transaction. */
  @FunctionalInterface
  public interface ChunkWork<I, E extends Exception> {
    void process(List<I> chunk) throws E;
  }

  /**
   * Processes {@code items} in chunks of {@code chunkSize}, each in its own transaction, and
   * returns the number of chunks. A failing chunk stops the loop; earlier chunks stay committed.
   */
  public static <I, E extends Exception> int inChunks(
      Transactions transactions, List<I> items, int chunkSize, ChunkWork<I, E> work) throws E {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(work, "work");
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be at least 1, got " + chunkSize);
    }
    int total = (items.size() + chunkSize - 1) / chunkSize;
    int chunks = 0;
    int done = 0;
    for (int from = 0; from < items.size(); from += chunkSize) {
      if (transactions.isStopRequested()) {
        throw stopped(chunks, total, done, "no chunk was in progress", null);
      }
      List<I> chunk = items.subList(from, Math.min(items.size(), from + chunkSize));
      try {
        transactions.runInTransaction(() -> work.process(chunk));
      } catch (StopRequestedException e) {
        throw stopped(chunks, total, done, "no chunk was in progress", e);
      } catch (Exception e) {
        if (transactions.isStopRequested()) {
          throw stopped(chunks, total, done, "the chunk in progress rolled back", e);
        }
        throw e;
      }
      chunks++;
      done += chunk.size();
    }
    return chunks;
  }

  private static StopRequestedException stopped(
      int chunks, int total, int items, String inProgress, Throwable cause) {
    return new StopRequestedException(
        String.format(
            "stopped after %,d of %,d chunks; %,d items committed, %s",
            chunks, total, items, inProgress),
        cause);
  }
}
