package dev.runtask.testsupport;

import dev.runtask.runtime.db.ConnectionProvider;
import dev.runtask.runtime.db.Database;
import dev.runtask.runtime.db.JdbcTransactions;
import dev.runtask.runtime.db.PinnedDatabase;
import dev.runtask.runtime.tx.Transactions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: each test runs inside one transaction on the real database that is rolled back
 * afterwards. The transaction is bound to the test thread and the database is pinned to it, so code
 * under test (including a task run in-process through the runtime) joins it: its own transactions
 * become savepoints. Test methods may take {@link Database}, {@link Transactions} or {@link
 * ConnectionProvider} parameters.
 */
public final class RollbackTransactionExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RollbackTransactionExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    Database database = TestDatabase.get();
    PinnedDatabase.Pin pin = PinnedDatabase.pin(database);
    JdbcTransactions.RollbackScope scope;
    try {
      scope = database.jdbcTransactions().openRollbackOnly(null);
    } catch (RuntimeException e) {
      pin.close();
      throw e;
    }
    context
        .getStore(NAMESPACE)
        .put(
            "scope",
            (AutoCloseable)
                () -> {
                  try {
                    scope.close();
                  } finally {
                    pin.close();
                  }
                });
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    AutoCloseable scope = context.getStore(NAMESPACE).remove("scope", AutoCloseable.class);
    if (scope != null) {
      scope.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Database.class || type == Transactions.class || type == ConnectionProvider.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Database database = TestDatabase.get();
    Class<?> type = parameter.getParameter().getType();
    if (type == Transactions.class) {
      return database.transactions();
    }
    if (type == ConnectionProvider.class) {
      return database.connections();
    }
    return database;
  }
}
