package dev.runtask.runtime.api;

/** A stop request for one execution, raised by SIGTERM/SIGINT and polled by long-running tasks. */
public interface Cancellation {
  /** True once a stop was requested. */
  boolean isRequested();

  /**
   * Throws {@link TaskCancelledException} if a stop was requested; call it between units of work.
   */
  default void throwIfRequested() {
    if (isRequested()) {
      throw new TaskCancelledException("stop requested");
    }
  }
}
