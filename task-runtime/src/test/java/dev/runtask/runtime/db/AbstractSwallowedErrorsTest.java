package dev.runtask.runtime.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtask.runtime.tx.DataAccessException;
import dev.runtask.runtime.tx.TransactionException;
import dev.runtask.runtime.tx.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Work that catches a database error and returns normally (issue 9, cases 1 and 2): the layer never
 * reports a commit that did not happen, and a nested transaction always leaves the outer one
 * usable. Runs on PostgreSQL (where the error aborts the transaction) and on H2 (where it does not,
 * and the same code must still get the same answer).
 */
abstract class AbstractSwallowedErrorsTest {
  protected abstract PooledDatabase database();

  ProbeTable probe;
  Transactions tx;

  @BeforeEach
  void emptyProbe() throws SQLException {
    probe = new ProbeTable(database(), "swallow_probe");
    tx = database().transactions();
  }

  /** The duplicate-key insert whose error the "task" catches and forgets. */
  void insertDuplicateAndSwallow(int id) {
    try {
      probe.insert(id, "duplicate");
    } catch (SQLException swallowed) {
      // the bug under test: the caller carries on as if nothing happened
    }
  }

  @Test
  void outermost_workSwallowsDatabaseError_commitThrowsSayingWhatHappenedAndKeepsNothing()
      throws SQLException {
    assertThatThrownBy(
            () ->
                tx.runInTransaction(
                    () -> {
                      probe.insert(1, "first");
                      insertDuplicateAndSwallow(1);
                    }))
        .isInstanceOf(TransactionException.class)
        .hasMessageStartingWith("commit did not commit: statement 'insert into swallow_probe")
        .hasMessageContaining("failed with 23505")
        .hasMessageContaining("the error was swallowed; everything was rolled back")
        .cause()
        .isInstanceOf(SQLException.class);

    assertThat(probe.committedRows()).isZero();
  }

  @Test
  void outermost_repositorySwallowsDataAccessException_commitThrows() throws SQLException {
    assertThatThrownBy(
            () ->
                tx.runInTransaction(
                    () -> {
                      probe.insert(1, "first");
                      try {
                        database()
                            .connections()
                            .withConnection(
                                c -> {
                                  probe.insert(1, "duplicate");
                                  return null;
                                });
                      } catch (DataAccessException swallowed) {
                        // a usecase that "handles" the failure by ignoring it
                      }
                    }))
        .hasMessageStartingWith("commit did not commit");

    assertThat(probe.committedRows()).isZero();
  }

  @Test
  void nested_workSwallowsDatabaseError_nestedThrowsAfterRollingBackAndOuterStaysUsable()
      throws SQLException {
    tx.runInTransaction(
        () -> {
          probe.insert(1, "outer");
          assertThatThrownBy(
                  () ->
                      tx.runInTransaction(
                          () -> {
                            probe.insert(2, "inner, before the error");
                            insertDuplicateAndSwallow(1);
                          }))
              .isInstanceOf(TransactionException.class)
              .hasMessageStartingWith(
                  "nested transaction did not commit: statement 'insert into swallow_probe")
              .hasMessageEndingWith("and the work returned normally; rolled back to its savepoint");
          probe.insert(3, "outer goes on after the nested failure");
          assertThat(probe.visibleRows()).isEqualTo(2);
        });

    assertThat(probe.committedRows()).isEqualTo(2);
  }

  @Test
  void nested_swallowedErrorPropagates_outerRollsBackAndCallerSeesIt() throws SQLException {
    assertThatThrownBy(
            () ->
                tx.runInTransaction(
                    () -> {
                      probe.insert(1, "outer");
                      tx.runInTransaction(() -> insertDuplicateAndSwallow(1));
                    }))
        .hasMessageStartingWith("nested transaction did not commit");

    assertThat(probe.committedRows()).isZero();
  }

  @Test
  void nested_outerCatchesTheNestedReport_commitKeepsExactlyWhatTheOuterSaw() throws SQLException {
    tx.runInTransaction(
        () -> {
          probe.insert(1, "outer");
          try {
            tx.runInTransaction(
                () -> {
                  probe.insert(2, "inner");
                  insertDuplicateAndSwallow(1);
                });
          } catch (TransactionException reportedAndHandled) {
            // the outer decided to go on without the nested work, as with any nested failure
          }
          assertThat(probe.visibleRows()).isEqualTo(1);
        });

    assertThat(probe.committedRows()).isEqualTo(1);
  }

  @Test
  void nested_workThrowsAfterAnError_sameExceptionAndOuterUsable() throws SQLException {
    IllegalStateException own = new IllegalStateException("the work's own failure");
    tx.runInTransaction(
        () -> {
          assertThatThrownBy(
                  () ->
                      tx.runInTransaction(
                          () -> {
                            probe.insert(1, "inner");
                            insertDuplicateAndSwallow(1);
                            throw own;
                          }))
              .isSameAs(own);
          probe.insert(2, "outer");
        });

    assertThat(probe.committedRows()).isEqualTo(1);
  }

  @Test
  void workRecoversWithItsOwnSavepoint_errorUndone_commitKeepsTheRest() throws SQLException {
    tx.runInTransaction(
        () -> {
          probe.insert(1, "first");
          try (Connection c = database().connections().current()) {
            Savepoint beforeRisk = c.setSavepoint();
            try (PreparedStatement ps = c.prepareStatement(probe.insertSql())) {
              ps.setInt(1, 1);
              ps.setString(2, "duplicate");
              ps.executeUpdate();
            } catch (SQLException expected) {
              c.rollback(beforeRisk);
            }
          }
          probe.insert(2, "second");
        });

    assertThat(probe.committedRows()).isEqualTo(2);
  }

  @Test
  void rollbackOnlyScope_taskSwallowsErrorInItsOwnTransaction_taskSeesTheFailureScopeUsable()
      throws SQLException {
    try (JdbcTransactions.RollbackScope scope =
        database().jdbcTransactions().openRollbackOnly(null)) {
      assertThatThrownBy(
              () ->
                  tx.runInTransaction(
                      () -> {
                        probe.insert(1, "task");
                        insertDuplicateAndSwallow(1);
                      }))
          .hasMessageStartingWith("nested transaction did not commit");
      probe.insert(2, "the test queries and writes on");
      assertThat(probe.visibleRows()).isEqualTo(1);
    }
  }
}
