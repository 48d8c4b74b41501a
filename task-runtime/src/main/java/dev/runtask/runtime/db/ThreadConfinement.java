package dev.runtask.runtime.db;

/** Optionally restricts database use to one thread; see {@link Database#confineTo}. */
final class ThreadConfinement {
  private volatile Thread only;
  private volatile String reason;

  void confineTo(Thread thread, String why) {
    this.reason = why;
    this.only = thread;
  }

  void check() {
    Thread allowed = only;
    if (allowed != null && allowed != Thread.currentThread()) {
      throw new IllegalStateException(
          "database used from thread '"
              + Thread.currentThread().getName()
              + "', but "
              + reason
              + " (thread '"
              + allowed.getName()
              + "')");
    }
  }
}
