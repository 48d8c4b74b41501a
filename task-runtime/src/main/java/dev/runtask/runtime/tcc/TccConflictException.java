package dev.runtask.runtime.tcc;

/**
 * A try phase asked for a final key that it may not write: another attempt owns it (confirmed, or
 * still pending), or an object TCC did not write is already there. Nothing was written.
 */
public final class TccConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TccConflictException(String message) {
    super(message);
  }
}
