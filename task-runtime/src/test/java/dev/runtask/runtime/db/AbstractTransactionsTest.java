package dev.runtask.runtime.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtask.runtime.tx.Batches;
import dev.runtask.runtime.tx.Isolation;
import dev.runtask.runtime.tx.TransactionConflictException;
import dev.runtask.runtime.tx.TransactionOptions;
import dev.runtask.runtime.tx.Transactions;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transaction contract; subclasses run it on PostgreSQL and on the embedded default. */
abstract class AbstractTransactionsTest {
  private static ExecutorService worker = Executors.newSingleThreadExecutor();

  protected abstract PooledDatabase database();

  Transactions tx;
  ConnectionProvider connections;

  @BeforeEach
  void createProbeTable() throws SQLException {
    tx = database().transactions();
    connections = database().connections();
    try (Connection c = database().dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "create table if not exists tx_probe (id integer primary key, name varchar(50) not null)");
      s.execute("delete from tx_probe");
    }
  }

  @AfterAll
  static void stopWorker() {
    worker.shutdownNow();
    worker = Executors.newSingleThreadExecutor();
  }

  void insert(int id, String name) throws SQLException {
    try (Connection c = connections.current();
        PreparedStatement ps =
            c.prepareStatement("insert into tx_probe (id, name) values (?, ?)")) {
      ps.setInt(1, id);
      ps.setString(2, name);
      ps.executeUpdate();
    }
  }

  /** Rows as the current thread sees them (inside its transaction if one is open). */
  int visibleRows() throws SQLException {
    try (Connection c = connections.current();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from tx_probe")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Rows committed, as another connection sees them. */
  int committedRows() throws SQLException {
    try (Connection c = database().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from tx_probe")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void inTransaction_workSucceeds_rowsCommittedAndResultReturned() throws SQLException {
    String result =
        tx.inTransaction(
            () -> {
              insert(1, "a");
              insert(2, "b");
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(committedRows()).isEqualTo(2);
  }

  @Test
  void inTransaction_workThrows_rowsRolledBackAndSameExceptionRethrown() throws SQLException {
    IOException boom = new IOException("disk full");

    assertThatThrownBy(
            () ->
                tx.runInTransaction(
                    () -> {
                      insert(1, "a");
                      throw boom;
                    }))
        .isSameAs(boom);
    assertThat(committedRows()).isZero();
  }

  @Test
  void nested_innerFailsAndOuterCatches_innerRowsGoneOuterRowsCommitted() throws SQLException {
    tx.runInTransaction(
        () -> {
          insert(1, "outer");
          try {
            tx.runInTransaction(
                () -> {
                  insert(2, "inner");
                  throw new IllegalStateException("inner fails");
                });
          } catch (IllegalStateException expected) {
            assertThat(visibleRows()).isEqualTo(1);
          }
          insert(3, "outer again");
        });

    assertThat(committedRows()).isEqualTo(2);
  }

  @Test
  void nested_innerSucceedsOuterFails_everythingRolledBack() throws SQLException {
    assertThatThrownBy(
            () ->
                tx.runInTransaction(
                    () -> {
                      tx.runInTransaction(() -> insert(1, "inner"));
                      assertThat(committedRows()).as("inner success must not commit").isZero();
                      throw new IllegalStateException("outer fails");
                    }))
        .hasMessage("outer fails");

    assertThat(committedRows()).isZero();
  }

  @Test
  void nested_constraintViolationInside_outerCanStillQueryAndCommit() throws SQLException {
    tx.runInTransaction(
        () -> {
          insert(1, "first");
          assertThatThrownBy(() -> tx.runInTransaction(() -> insert(1, "duplicate")))
              .isInstanceOf(SQLException.class);
          assertThat(visibleRows()).isEqualTo(1);
          insert(2, "second");
        });

    assertThat(committedRows()).isEqualTo(2);
  }

  @Test
  void inTransaction_afterCommitAndRollback_connectionBackInAutocommit() throws SQLException {
    tx.runInTransaction(() -> insert(1, "a"));
    assertThatThrownBy(
            () ->
                tx.runInTransaction(
                    () -> {
                      throw new IllegalStateException("x");
                    }))
        .isInstanceOf(IllegalStateException.class);

    try (Connection c = connections.current()) {
      assertThat(c.getAutoCommit()).isTrue();
    }
  }

  @Test
  void connection_usedFromAnotherThread_failsFastNamingTheOwnerThread() throws SQLException {
    tx.runInTransaction(
        () -> {
          Connection mine = connections.current();
          ExecutionException failure =
              org.junit.jupiter.api.Assertions.assertThrows(
                  ExecutionException.class,
                  () -> worker.submit(() -> mine.prepareStatement("select 1")).get());
          assertThat(failure.getCause())
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("confined to its thread")
              .hasMessageContaining(Thread.currentThread().getName());
          insert(1, "still usable on the owner thread");
        });

    assertThat(committedRows()).isEqualTo(1);
  }

  @Test
  void inTransaction_onWorkerThread_doesNotJoinCallersTransaction() throws Exception {
    tx.runInTransaction(
        () -> {
          insert(1, "caller, uncommitted");
          int seenByWorker =
              worker
                  .submit(
                      () ->
                          tx.inTransaction(
                              () -> {
                                assertThat(tx.inTransactionNow()).isTrue();
                                insert(2, "worker");
                                return visibleRows();
                              }))
                  .get();
          assertThat(seenByWorker).isEqualTo(1);
          assertThat(visibleRows()).isEqualTo(2);
        });

    assertThat(committedRows()).isEqualTo(2);
  }

  @Test
  void connection_usedAfterTransactionEnded_failsWithClearMessage() throws SQLException {
    Connection leaked = tx.inTransaction(() -> connections.current());

    assertThatThrownBy(() -> leaked.createStatement())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already ended");
  }

  @Test
  void connection_explicitCommitInsideTransaction_refused() {
    assertThatThrownBy(() -> tx.runInTransaction(() -> connections.current().commit()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("managed by Transactions");
  }

  @Test
  void nested_differentIsolationThanOuter_conflictError() {
    TransactionOptions serializable =
        TransactionOptions.builder().isolation(Isolation.SERIALIZABLE).build();

    assertThatThrownBy(() -> tx.runInTransaction(() -> tx.runInTransaction(serializable, () -> {})))
        .isInstanceOf(TransactionConflictException.class)
        .hasMessageContaining("SERIALIZABLE");
  }

  @Test
  void nested_readWriteInsideReadOnly_conflictError() {
    assertThatThrownBy(
            () ->
                tx.runInTransaction(
                    TransactionOptions.readOnly(), () -> tx.runInTransaction(() -> insert(1, "a"))))
        .isInstanceOf(TransactionConflictException.class)
        .hasMessageContaining("read-only");
  }

  @Test
  void isolationOption_outermost_appliedAndRestored() throws SQLException {
    TransactionOptions serializable =
        TransactionOptions.builder().isolation(Isolation.SERIALIZABLE).build();

    int level =
        tx.inTransaction(
            serializable,
            () -> {
              try (Connection c = connections.current()) {
                return c.getTransactionIsolation();
              }
            });

    assertThat(level).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
    try (Connection c = connections.current()) {
      assertThat(c.getTransactionIsolation()).isNotEqualTo(Connection.TRANSACTION_SERIALIZABLE);
    }
  }

  @Test
  void inTransaction_rollbackFails_originalExceptionKeptWithRollbackFailureSuppressed() {
    DataSource failingRollback = FailingRollbackDataSource.over(database().dataSource());
    Transactions broken = new JdbcTransactions(failingRollback);
    IllegalStateException original = new IllegalStateException("the task's own failure");

    assertThatThrownBy(
            () ->
                broken.runInTransaction(
                    () -> {
                      throw original;
                    }))
        .isSameAs(original);
    assertThat(original.getSuppressed())
        .extracting(Throwable::getMessage)
        .containsExactly("rollback lost");
  }

  @Test
  void batchesInChunks_thirdChunkFails_earlierChunksCommittedFailingChunkRolledBack()
      throws SQLException {
    List<Integer> ids = List.of(1, 2, 3, 4, 5, 6, 7);

    assertThatThrownBy(
            () ->
                Batches.inChunks(
                    tx,
                    ids,
                    3,
                    chunk -> {
                      for (int id : chunk) {
                        insert(id, "row " + id);
                      }
                      if (chunk.contains(7)) {
                        throw new IllegalStateException("bad row 7");
                      }
                    }))
        .hasMessage("bad row 7");

    assertThat(committedRows()).isEqualTo(6);
  }

  @Test
  void rollbackOnlyScope_tasksCommitInside_nothingKeptAndChangesCounted() throws SQLException {
    ChangeCounter changes = new ChangeCounter();
    JdbcTransactions.RollbackScope scope = database().jdbcTransactions().openRollbackOnly(changes);
    try {
      tx.runInTransaction(() -> insert(1, "a"));
      tx.runInTransaction(() -> insert(2, "b"));
      assertThat(visibleRows()).isEqualTo(2);
    } finally {
      scope.close();
    }

    assertThat(committedRows()).isZero();
    assertThat(changes.summary()).isEqualTo("tx_probe: 2 inserted");
  }
}
