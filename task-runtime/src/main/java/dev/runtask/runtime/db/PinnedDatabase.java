package dev.runtask.runtime.db;

import java.util.Optional;

/**
 * A database pinned to the current thread by a test harness: task executions on this thread use it
 * instead of opening their own from the environment, so task code joins the test's transaction, and
 * so do their execution records (a test leaves no rows behind).
 */
public final class PinnedDatabase {
  private static final ThreadLocal<PooledDatabase> PINNED = new ThreadLocal<>();

  private PinnedDatabase() {}

  /** Pins {@code database} to this thread until the returned handle is closed. */
  public static Pin pin(PooledDatabase database) {
    PINNED.set(database);
    return PINNED::remove;
  }

  /** The database pinned to this thread, if any. */
  public static Optional<PooledDatabase> current() {
    return Optional.ofNullable(PINNED.get());
  }

  /** Unpins on close. */
  @FunctionalInterface
  public interface Pin extends AutoCloseable {
    @Override
    void close();
  }
}
