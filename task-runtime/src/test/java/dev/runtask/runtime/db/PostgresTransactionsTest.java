package dev.runtask.runtime.db;

/** The transaction contract on the local PostgreSQL. */
class PostgresTransactionsTest extends AbstractTransactionsTest {
  @Override
  protected Database database() {
    return TestDatabases.postgres();
  }

  @Override
  protected boolean enforcesReadOnly() {
    return true;
  }
}
