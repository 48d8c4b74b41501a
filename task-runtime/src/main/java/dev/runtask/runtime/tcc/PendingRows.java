package dev.runtask.runtime.tcc;

import java.util.regex.Pattern;

/**
 * A table whose rows a try phase writes in a pending state: the coordinator sets {@code
 * statusColumn} to CONFIRMED or CANCELLED for every row whose {@code attemptColumn} holds the
 * attempt id. Rows start with status PENDING.
 */
public record PendingRows(String table, String attemptColumn, String statusColumn) {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public PendingRows {
    for (String name : new String[] {table, attemptColumn, statusColumn}) {
      if (name == null || !IDENTIFIER.matcher(name).matches()) {
        throw new IllegalArgumentException("not a plain SQL identifier: '" + name + "'");
      }
    }
  }

  String updateSql() {
    return "update "
        + table
        + " set "
        + statusColumn
        + " = ? where "
        + attemptColumn
        + " = ? and "
        + statusColumn
        + " = 'PENDING'";
  }
}
