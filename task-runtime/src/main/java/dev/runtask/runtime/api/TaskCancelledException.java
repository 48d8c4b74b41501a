package dev.runtask.runtime.api;

/**
 * Thrown by {@link Cancellation#throwIfRequested()} so a task unwinds (and rolls back) when
 * stopped.
 */
public final class TaskCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TaskCancelledException(String message) {
    super(message);
  }
}
