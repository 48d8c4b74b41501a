package dev.runtask.runtime.tx;

/** A failure of the transaction machinery itself (begin, commit, savepoint), not of the work. */
public class TransactionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransactionException(String message) {
    super(message);
  }

  public TransactionException(String message, Throwable cause) {
    super(message, cause);
  }
}
