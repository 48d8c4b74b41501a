package dev.runtask.runtime.db;

/** A missing or invalid database setting; the message names the variable. Exit code 2. */
public final class DatabaseSettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseSettingsException(String message) {
    super(message);
  }
}
