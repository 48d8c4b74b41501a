package dev.runtask.runtime.db;

import java.sql.SQLException;

/** A statement of a transaction that failed: its SQL (when known) and the driver's exception. */
record StatementFailure(String sql, SQLException error) {
  private static final int SQL_SHOWN = 120;

  /** E.g. {@code statement 'insert into sale …' failed with 23505 (ERROR: duplicate key …)}. */
  String describe() {
    String message = error.getMessage() == null ? "" : error.getMessage().lines().findFirst().get();
    return "statement "
        + (sql == null ? "" : "'" + shortened(sql.strip().replaceAll("\\s+", " ")) + "' ")
        + "failed"
        + (error.getSQLState() == null ? "" : " with " + error.getSQLState())
        + " ("
        + DatabaseUrls.mask(message)
        + ")";
  }

  private static String shortened(String text) {
    return text.length() <= SQL_SHOWN ? text : text.substring(0, SQL_SHOWN) + "…";
  }
}
