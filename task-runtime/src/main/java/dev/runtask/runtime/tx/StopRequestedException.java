package dev.runtask.runtime.tx;

/**
 * The work was cut short because its execution was asked to stop (SIGTERM, SIGINT): no new
 * transaction is begun once a stop was requested, and the runtime turns this into the signal's exit
 * code. Deliberately not a {@link TransactionException} or {@link DataAccessException}, so code
 * that handles a failed row and goes on does not swallow the stop.
 */
public final class StopRequestedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StopRequestedException(String message) {
    super(message);
  }

  public StopRequestedException(String message, Throwable cause) {
    super(message, cause);
  }
}
