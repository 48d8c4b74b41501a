package dev.runtask.runtime.db;

/** The configured database cannot be reached or migrated; the message is one clear line. */
public final class DatabaseUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
