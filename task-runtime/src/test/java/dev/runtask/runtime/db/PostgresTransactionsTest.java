package dev.runtask.runtime.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtask.runtime.tx.TransactionOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The transaction contract on the local PostgreSQL. */
class PostgresTransactionsTest extends AbstractTransactionsTest {
  @Override
  protected PooledDatabase database() {
    return TestDatabases.postgres();
  }

  @Test
  void readOnlyTransaction_write_refusedByPostgres() throws SQLException {
    assertThatThrownBy(
            () -> tx.runInTransaction(TransactionOptions.readOnly(), () -> insert(1, "a")))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("read-only");
    assertThat(committedRows()).isZero();
  }

  @Test
  void timeoutOption_statementRunsPastIt_cancelledAndRolledBack() throws SQLException {
    TransactionOptions oneSecond =
        TransactionOptions.builder().timeout(Duration.ofSeconds(1)).build();

    assertThatThrownBy(
            () ->
                tx.runInTransaction(
                    oneSecond,
                    () -> {
                      insert(1, "a");
                      try (Connection c = connections.current();
                          Statement s = c.createStatement()) {
                        s.execute("select pg_sleep(30)");
                      }
                    }))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("cancel");

    assertThat(committedRows()).isZero();
  }
}
