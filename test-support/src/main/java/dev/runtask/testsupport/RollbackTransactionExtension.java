package dev.runtask.testsupport;

import dev.runtask.runtime.db.ConnectionProvider;
import dev.runtask.runtime.db.Database;
import dev.runtask.runtime.db.JdbcTransactions;
import dev.runtask.runtime.db.PinnedDatabase;
import dev.runtask.runtime.db.PooledDatabase;
import dev.runtask.runtime.tx.Transactions;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: each test runs inside one transaction on the real database that is rolled back
 * afterwards. The transaction is bound to the test thread and the database is pinned to it, so code
 * under test (including a task run in-process through the runtime, and its execution record) joins
 * it: its own transactions become savepoints. Test methods may take {@link Database}, {@link
 * Transactions} or {@link ConnectionProvider} parameters.
 *
 * <p>Only the test thread may use the database during the test: work handed to another thread (an
 * executor, {@code CompletableFuture.runAsync}, {@code assertTimeoutPreemptively}) would run in a
 * transaction of its own and commit for real. It is refused, and the test fails saying so even when
 * the refused thread's exception never reached the test.
 */
public final class RollbackTransactionExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RollbackTransactionExtension.class);

  /** The test's rollback scope, pin and thread confinement; closed in that reverse order. */
  private record TestScope(
      JdbcTransactions.RollbackScope rollback,
      PinnedDatabase.Pin pin,
      PooledDatabase.Confinement confinement) {
    Optional<String> close() {
      try {
        rollback.close();
      } finally {
        pin.close();
      }
      return confinement.release();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    PooledDatabase database = TestDatabase.get();
    PinnedDatabase.Pin pin = PinnedDatabase.pin(database);
    JdbcTransactions.RollbackScope rollback;
    try {
      rollback = database.jdbcTransactions().openRollbackOnly(null);
    } catch (RuntimeException e) {
      pin.close();
      throw e;
    }
    PooledDatabase.Confinement confinement =
        database.confineTo(
            Thread.currentThread(),
            "a @DatabaseTest rolls back only the test thread's transaction, and work on another"
                + " thread would commit for real; run it on the test thread");
    context.getStore(NAMESPACE).put("scope", new TestScope(rollback, pin, confinement));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestScope scope = context.getStore(NAMESPACE).remove("scope", TestScope.class);
    if (scope == null) {
      return;
    }
    Optional<String> refused = scope.close();
    if (refused.isPresent()) {
      throw new AssertionError(
          "this test used the database from another thread, which was refused: " + refused.get());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Database.class || type == Transactions.class || type == ConnectionProvider.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    PooledDatabase database = TestDatabase.get();
    Class<?> type = parameter.getParameter().getType();
    if (type == Transactions.class) {
      return database.transactions();
    }
    if (type == ConnectionProvider.class) {
      return database.connections();
    }
    return database.forTasks();
  }
}
