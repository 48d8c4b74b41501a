package dev.runtask.runtime.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A two-column table a test writes through the layer and counts from both sides of it. */
final class ProbeTable {
  final PooledDatabase database;
  final String name;

  /** Creates {@code name} if needed and empties it. */
  ProbeTable(PooledDatabase database, String name) throws SQLException {
    this.database = database;
    this.name = name;
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "create table if not exists "
              + name
              + " (id integer primary key, label varchar(50) not null)");
      s.execute("delete from " + name);
    }
  }

  String insertSql() {
    return "insert into " + name + " (id, label) values (?, ?)";
  }

  /** Inserts through the current connection (the transaction's, when one is open). */
  void insert(int id, String label) throws SQLException {
    try (Connection c = database.connections().current();
        PreparedStatement ps = c.prepareStatement(insertSql())) {
      ps.setInt(1, id);
      ps.setString(2, label);
      ps.executeUpdate();
    }
  }

  /** Rows as the current thread sees them (inside its transaction if one is open). */
  int visibleRows() throws SQLException {
    try (Connection c = database.connections().current()) {
      return count(c);
    }
  }

  /** Rows committed, as another connection sees them. */
  int committedRows() throws SQLException {
    try (Connection c = database.dataSource().getConnection()) {
      return count(c);
    }
  }

  private int count(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from " + name)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
