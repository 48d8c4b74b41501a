package dev.runtask.runtime.tcc;

import java.util.regex.Pattern;

/**
 * A table whose rows a try phase writes in a pending state: the coordinator sets {@code
 * statusColumn} to CONFIRMED or CANCELLED for every row whose {@code attemptColumn} holds the
 * attempt id. Rows start with status PENDING.
 *
 * <p>A row with a natural key (a report id, an order number) that must be unique among live rows
 * names a {@code liveKeyColumn}: a copy of the key, under a unique constraint, that the coordinator
 * sets to NULL when it cancels the row. A cancelled row then stays as history without blocking the
 * next attempt with the same key (NULLs never collide in a unique constraint).
 */
public record PendingRows(
    String table, String attemptColumn, String statusColumn, String liveKeyColumn) {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public PendingRows {
    for (String name : new String[] {table, attemptColumn, statusColumn}) {
      requireIdentifier(name);
    }
    if (liveKeyColumn != null) {
      requireIdentifier(liveKeyColumn);
    }
  }

  /** Rows without a live key column. */
  public PendingRows(String table, String attemptColumn, String statusColumn) {
    this(table, attemptColumn, statusColumn, null);
  }

  private static void requireIdentifier(String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain SQL identifier: '" + name + "'");
    }
  }

  /** Parameters: the new status, the attempt id. */
  String finishSql(String status) {
    return "update "
        + table
        + " set "
        + statusColumn
        + " = ?"
        + (liveKeyColumn != null && status.equals("CANCELLED")
            ? ", " + liveKeyColumn + " = null"
            : "")
        + " where "
        + attemptColumn
        + " = ? and "
        + statusColumn
        + " = 'PENDING'";
  }
}
