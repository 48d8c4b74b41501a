package dev.runtask.runtime.tx;

/**
 * A database operation failed. Repositories throw it instead of a JDBC exception so usecases never
 * see JDBC types; {@link #sqlState()} tells kinds of failure apart (e.g. 23505 unique violation).
 */
public final class DataAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  public DataAccessException(String message, String sqlState, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  /** The SQLSTATE of the underlying error, or null when the driver gave none. */
  public String sqlState() {
    return sqlState;
  }
}
