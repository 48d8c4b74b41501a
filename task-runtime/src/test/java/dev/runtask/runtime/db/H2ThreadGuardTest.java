package dev.runtask.runtime.db;

/** The thread guard on the embedded default. */
class H2ThreadGuardTest extends AbstractThreadGuardTest {
  @Override
  protected PooledDatabase database() {
    return TestDatabases.h2();
  }
}
