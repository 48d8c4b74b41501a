package dev.runtask.runtime.tx;

/** The transaction ran past the timeout given in its {@link TransactionOptions}. */
public final class TransactionTimeoutException extends TransactionException {
  private static final long serialVersionUID = 1L;

  public TransactionTimeoutException(String message) {
    super(message);
  }
}
