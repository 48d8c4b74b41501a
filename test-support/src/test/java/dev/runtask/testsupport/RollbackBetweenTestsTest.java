package dev.runtask.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.runtask.runtime.db.ConnectionProvider;
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
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * What one test commits inside the extension is gone for the next: both tests run here, in order,
 * through the JUnit engine, so this proves it even when run alone.
 */
class RollbackBetweenTestsTest {
  @Test
  void nextTest_afterEarlierTestCommitted_seesNoneOfItsData() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(CommitThenLook.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2));

    assertThat(CommitThenLook.seenByTheCommitter).isEqualTo(1);
    assertThat(CommitThenLook.seenByTheNextTest).isZero();
  }

  /** Run only by the test above (surefire leaves nested classes alone). */
  @DatabaseTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class CommitThenLook {
    static int seenByTheCommitter = -1;
    static int seenByTheNextTest = -1;

    @BeforeAll
    static void createTable() throws SQLException {
      try (Connection c = TestDatabase.get().dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create table if not exists ts_between (id integer primary key)");
        s.execute("delete from ts_between");
      }
    }

    static int count(ConnectionProvider connections) throws SQLException {
      try (Connection c = connections.current();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select count(*) from ts_between")) {
        rs.next();
        return rs.getInt(1);
      }
    }

    @Test
    @Order(1)
    void commits(Transactions tx, ConnectionProvider connections) throws SQLException {
      tx.runInTransaction(
          () -> {
            try (Connection c = connections.current();
                PreparedStatement ps = c.prepareStatement("insert into ts_between values (1)")) {
              ps.executeUpdate();
            }
          });
      seenByTheCommitter = count(connections);
    }

    @Test
    @Order(2)
    void looks(ConnectionProvider connections) throws SQLException {
      seenByTheNextTest = count(connections);
    }
  }
}
