package dev.runtask.runtime.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtask.runtime.tx.Transactions;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every JDBC object reachable from a transaction's connection leads back to the guarded connection
 * and refuses other threads (issue 9, case 3).
 */
abstract class AbstractThreadGuardTest {
  private final ExecutorService worker = Executors.newSingleThreadExecutor();

  protected abstract PooledDatabase database();

  ProbeTable probe;
  Transactions tx;

  @BeforeEach
  void emptyProbe() throws SQLException {
    probe = new ProbeTable(database(), "guard_probe");
    tx = database().transactions();
  }

  @AfterEach
  void stopWorker() {
    worker.shutdownNow();
  }

  /** A JDBC call to make on the worker thread. */
  @FunctionalInterface
  interface JdbcCall {
    Object call() throws SQLException;
  }

  /** Runs {@code call} on the worker thread and returns what it threw. */
  Throwable onWorker(JdbcCall call) throws InterruptedException {
    try {
      worker.submit(call::call).get();
      throw new AssertionError("the call on the worker thread was not refused");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  static void assertRefusedForeignThread(Throwable refused) {
    assertThat(refused)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("called from thread")
        .hasMessageContaining("confined to its thread");
  }

  @Test
  void statementGetConnection_commitThroughIt_refusedAndOuterRollbackKeepsNothing()
      throws SQLException {
    IllegalStateException outerFails = new IllegalStateException("outer fails later");

    assertThatThrownBy(
            () ->
                tx.runInTransaction(
                    () -> {
                      probe.insert(1, "must not survive");
                      try (Connection c = database().connections().current();
                          Statement s = c.createStatement()) {
                        assertThat(s.getConnection()).isSameAs(c);
                        assertThatThrownBy(() -> s.getConnection().commit())
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("managed by Transactions");
                      }
                      throw outerFails;
                    }))
        .isSameAs(outerFails);

    assertThat(probe.committedRows()).isZero();
  }

  @Test
  void everyObjectReachable_leadsBackToTheGuardedConnection() throws SQLException {
    tx.runInTransaction(
        () -> {
          try (Connection c = database().connections().current();
              PreparedStatement ps = c.prepareStatement("select 1");
              ResultSet rs = ps.executeQuery();
              CallableStatement call = c.prepareCall("select 1")) {
            DatabaseMetaData meta = c.getMetaData();
            assertThat(ps.getConnection()).isSameAs(c);
            assertThat(rs.getStatement()).isSameAs(ps);
            assertThat(rs.getStatement().getConnection()).isSameAs(c);
            assertThat(call.getConnection()).isSameAs(c);
            assertThat(meta.getConnection()).isSameAs(c);
            assertThat(c.unwrap(Connection.class)).isSameAs(c);
            try (ResultSet tables = meta.getTables(null, null, "%", null)) {
              Statement behindMetadata = tables.getStatement(); // JDBC allows null here (H2)
              assertThat(behindMetadata == null || behindMetadata.getConnection() == c).isTrue();
            }
          }
        });
  }

  @Test
  void statementMadeOnOwnerThread_executedFromAnotherThread_refused() throws Exception {
    tx.runInTransaction(
        () -> {
          try (Connection c = database().connections().current();
              PreparedStatement ps = c.prepareStatement(probe.insertSql())) {
            ps.setInt(1, 1);
            ps.setString(2, "from the worker");
            assertRefusedForeignThread(onWorker(ps::executeUpdate));
          }
        });

    assertThat(probe.committedRows()).isZero();
  }

  @Test
  void resultSetAndMetadata_usedFromAnotherThread_refused() throws Exception {
    tx.runInTransaction(
        () -> {
          try (Connection c = database().connections().current();
              Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("select 1")) {
            DatabaseMetaData meta = c.getMetaData();
            assertRefusedForeignThread(onWorker(rs::next));
            assertRefusedForeignThread(onWorker(rs::getStatement));
            assertRefusedForeignThread(onWorker(meta::getConnection));
            assertThat(rs.next()).as("still fine on the owner thread").isTrue();
          }
        });
  }

  @Test
  void unwrapToTheDriversClass_refusedBecauseItWouldBypassTheGuard() {
    Class<?> driverClass =
        database().isPostgres()
            ? org.postgresql.jdbc.PgConnection.class
            : org.h2.jdbc.JdbcConnection.class;

    assertThatThrownBy(
            () -> tx.runInTransaction(() -> database().connections().current().unwrap(driverClass)))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("bypass the transaction's guard");
  }

  @Test
  void statementKeptAfterTheTransaction_refused() throws SQLException {
    Statement leaked =
        tx.inTransaction(
            () -> {
              try (Connection c = database().connections().current()) {
                return c.createStatement();
              }
            });

    assertThatThrownBy(() -> leaked.executeQuery("select 1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already ended");
  }
}
