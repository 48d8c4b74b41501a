package dev.runtask.runtime.db;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Optionally restricts database use to one thread (see {@link PooledDatabase#confineTo}), and
 * remembers the first refusal so a harness can report it even when the refused thread's exception
 * was swallowed by an executor.
 */
final class ThreadConfinement {
  private volatile Thread only;
  private volatile String reason;
  private final AtomicReference<String> firstRefusal = new AtomicReference<>();

  void confineTo(Thread thread, String why) {
    this.reason = why;
    this.only = thread;
    firstRefusal.set(null);
  }

  /** Lifts the restriction; returns the first refusal while it held, if any. */
  Optional<String> release() {
    only = null;
    reason = null;
    return Optional.ofNullable(firstRefusal.getAndSet(null));
  }

  void check() {
    Thread allowed = only;
    if (allowed != null && allowed != Thread.currentThread()) {
      String message =
          "database used from thread '"
              + Thread.currentThread().getName()
              + "', but "
              + reason
              + " (thread '"
              + allowed.getName()
              + "')";
      firstRefusal.compareAndSet(null, message);
      throw new IllegalStateException(message);
    }
  }
}
