package dev.runtask.runtime.db;

/** The transaction contract on the embedded default database (H2 in PostgreSQL mode). */
class H2TransactionsTest extends AbstractTransactionsTest {
  @Override
  protected Database database() {
    return TestDatabases.h2();
  }

  @Override
  protected boolean enforcesReadOnly() {
    return false;
  }
}
