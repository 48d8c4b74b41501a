package dev.runtask.runtime.db;

/** Swallowed errors on H2, which does not abort the transaction but must give the same answer. */
class H2SwallowedErrorsTest extends AbstractSwallowedErrorsTest {
  @Override
  protected PooledDatabase database() {
    return TestDatabases.h2();
  }
}
