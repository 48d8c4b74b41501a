package dev.runtask.runtime.tx;

/** Nested transaction options that the already open outer transaction cannot honour. */
public final class TransactionConflictException extends TransactionException {
  private static final long serialVersionUID = 1L;

  public TransactionConflictException(String message) {
    super(message);
  }
}
