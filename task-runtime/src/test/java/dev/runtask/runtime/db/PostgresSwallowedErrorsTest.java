package dev.runtask.runtime.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtask.runtime.tx.TransactionException;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** Swallowed errors on PostgreSQL, including a failure the guarded wrappers cannot see. */
class PostgresSwallowedErrorsTest extends AbstractSwallowedErrorsTest {
  @Override
  protected PooledDatabase database() {
    return TestDatabases.postgres();
  }

  @Test
  void outermost_copyThroughTheDriverFailsAndIsSwallowed_commitThrowsInsteadOfSilentRollback()
      throws SQLException {
    assertThatThrownBy(
            () ->
                tx.runInTransaction(
                    () -> {
                      probe.insert(1, "before the copy");
                      try (Connection c = database().connections().current()) {
                        c.unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyIn(
                                "copy swallow_probe (id, label) from stdin",
                                new StringReader("not-a-number\tx\n"));
                      } catch (SQLException | IOException swallowed) {
                        // COPY runs outside the guarded statements
                      }
                    }))
        .isInstanceOf(TransactionException.class)
        .hasMessageStartingWith("commit did not commit: PostgreSQL aborted this transaction");

    assertThat(probe.committedRows()).isZero();
  }
}
