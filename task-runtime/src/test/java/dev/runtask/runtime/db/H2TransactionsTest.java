package dev.runtask.runtime.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.tx.TransactionOptions;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The transaction contract on the embedded default database (H2 in PostgreSQL mode). */
class H2TransactionsTest extends AbstractTransactionsTest {
  @Override
  protected PooledDatabase database() {
    return TestDatabases.h2();
  }

  /** Documented difference (docs/transactions.md): H2 takes read-only as a hint only. */
  @Test
  void readOnlyTransaction_write_notRefusedByH2() throws SQLException {
    tx.runInTransaction(TransactionOptions.readOnly(), () -> insert(1, "a"));

    assertThat(committedRows()).isEqualTo(1);
  }
}
