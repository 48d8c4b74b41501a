package dev.runtask.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtask.runtime.db.ConnectionProvider;
import dev.runtask.runtime.db.Database;
import dev.runtask.runtime.db.PinnedDatabase;
import dev.runtask.runtime.db.PooledDatabase;
import dev.runtask.runtime.tx.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DatabaseTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollbackTransactionExtensionTest {
  @BeforeAll
  static void createTable() throws SQLException {
    try (Connection c = TestDatabase.get().dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "create table if not exists ts_probe (id integer primary key, name varchar(50) not null)");
      s.execute("delete from ts_probe");
    }
  }

  private static void insert(ConnectionProvider connections, int id, String name)
      throws SQLException {
    try (Connection c = connections.current();
        PreparedStatement ps =
            c.prepareStatement("insert into ts_probe (id, name) values (?, ?)")) {
      ps.setInt(1, id);
      ps.setString(2, name);
      ps.executeUpdate();
    }
  }

  private static int count(ConnectionProvider connections) throws SQLException {
    try (Connection c = connections.current();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from ts_probe")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  @Order(1)
  void taskCommits_insideTest_dataVisibleToTheTest(Transactions tx, ConnectionProvider connections)
      throws SQLException {
    tx.runInTransaction(() -> insert(connections, 1, "committed by the task"));

    assertThat(count(connections)).isEqualTo(1);
  }

  @Test
  @Order(3)
  void constraintViolationInTasksNestedTransaction_testCanStillQuery_seesStateBeforeError(
      Transactions tx, ConnectionProvider connections) throws SQLException {
    insert(connections, 1, "set up by the test");

    assertThatThrownBy(
            () ->
                tx.runInTransaction(
                    () -> {
                      insert(connections, 2, "task row before the error");
                      insert(connections, 1, "duplicate key");
                    }))
        .isInstanceOf(SQLException.class);

    assertThat(count(connections)).isEqualTo(1);
    tx.runInTransaction(() -> insert(connections, 3, "the task goes on after the error"));
    assertThat(count(connections)).isEqualTo(2);
  }

  @Test
  @Order(5)
  void codeCommittingExplicitly_insideTest_refusedWithClearMessage(ConnectionProvider connections) {
    assertThatThrownBy(() -> connections.current().commit())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("managed by Transactions");
  }

  @Test
  @Order(6)
  void duringTest_databasePinnedToTestThread_forInProcessTaskRuns() {
    assertThat(PinnedDatabase.current()).containsSame(TestDatabase.get());
  }

  @Test
  @Order(7)
  void databaseParameter_isTheTaskFacingView_notThePool(Database database) {
    assertThat(database).isNotInstanceOf(PooledDatabase.class);
    assertThat(database.transactions()).isSameAs(TestDatabase.get().transactions());
  }
}
