package dev.runtask.runtime.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The thread guard on PostgreSQL, and where a stop request will find the running statement. */
class PostgresThreadGuardTest extends AbstractThreadGuardTest {
  @Override
  protected PooledDatabase database() {
    return TestDatabases.postgres();
  }

  @Test
  void runningStatement_whileItExecutes_foundFromAnotherThreadAndCancellable() {
    AtomicReference<BoundTransaction> transaction = new AtomicReference<>();
    CompletableFuture<Void> canceller =
        CompletableFuture.runAsync(
            () -> {
              BoundTransaction bound;
              while ((bound = transaction.get()) == null) {
                Thread.onSpinWait();
              }
              Statement running;
              while ((running = bound.running) == null && !bound.ended) {
                Thread.onSpinWait();
              }
              try {
                // pgjdbc ignores a cancel that comes before the query reached the server.
                while (running != null && !sleepIsActive()) {
                  Thread.onSpinWait();
                }
                if (running != null) {
                  running.cancel();
                }
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });

    assertThatThrownBy(
            () ->
                tx.runInTransaction(
                    () -> {
                      transaction.set(BoundTransaction.current());
                      try (Connection c = database().connections().current();
                          Statement s = c.createStatement()) {
                        s.execute("select pg_sleep(60)");
                      }
                    }))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("canceling statement due to user request");
    canceller.join();
    assertThat(transaction.get().running).isNull();
  }

  @Test
  void refCursorAndArrayReturnedAsObjects_leadBackToTheGuardedConnection() throws SQLException {
    tx.runInTransaction(
        () -> {
          try (Connection c = database().connections().current();
              CallableStatement call = c.prepareCall("{ ? = call runtask_test_cursor() }")) {
            try (Statement s = c.createStatement()) {
              s.execute(
                  "create or replace function runtask_test_cursor() returns refcursor"
                      + " language plpgsql as $$ declare r refcursor;"
                      + " begin open r for select 1; return r; end $$");
            }
            call.registerOutParameter(1, Types.OTHER);
            call.execute();
            ResultSet cursor = (ResultSet) call.getObject(1);
            assertThat(cursor.getStatement().getConnection()).isSameAs(c);
            try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select array[1, 2]")) {
              rs.next();
              Array array = (Array) rs.getObject(1);
              try (ResultSet elements = array.getResultSet()) {
                Statement behind = elements.getStatement();
                assertThat(behind == null || behind.getConnection() == c).isTrue();
              }
            }
          }
        });
  }

  boolean sleepIsActive() throws SQLException {
    try (Connection c = database().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from pg_stat_activity"
                    + " where datname = current_database() and state = 'active'"
                    + " and query = 'select pg_sleep(60)'")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }
}
