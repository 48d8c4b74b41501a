package dev.runtask.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A {@code @DatabaseTest} that hands database work to another thread (issue 9, case 8): that work
 * would commit for real, outside the test's rolled-back transaction, so it is refused and the test
 * fails saying why, even when the thread's exception never reached the test. The sample test
 * classes below are run through the JUnit launcher to see how they end.
 */
class DatabaseTestThreadsTest {
  static final String TABLE = "ts_threads_probe";

  @BeforeEach
  void emptyProbe() throws SQLException {
    execute("create table if not exists " + TABLE + " (id integer primary key)");
    execute("delete from " + TABLE);
  }

  static void execute(String sql) throws SQLException {
    try (Connection c = TestDatabase.get().dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static int committedRows() throws SQLException {
    try (Connection c = TestDatabase.get().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from " + TABLE)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** What the database work on the other thread does: an insert through the provider. */
  static void insertThroughTheProvider() {
    TestDatabase.get()
        .connections()
        .withConnection(
            c -> {
              try (Statement s = c.createStatement()) {
                return s.executeUpdate("insert into " + TABLE + " (id) values (1)");
              }
            });
  }

  static List<TestExecutionSummary.Failure> run(Class<?> testClass) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
            listener);
    assertThat(listener.getSummary().getTestsFoundCount()).isEqualTo(1);
    return listener.getSummary().getFailures();
  }

  @Test
  void workOnAnExecutor_exceptionSwallowedThere_refusedAndTheTestFailsSayingWhy()
      throws SQLException {
    List<TestExecutionSummary.Failure> failures = run(SwallowsTheWorkersFailure.class);

    assertThat(failures)
        .singleElement()
        .extracting(TestExecutionSummary.Failure::getException)
        .isInstanceOf(AssertionError.class)
        .asString()
        .contains("this test used the database from another thread, which was refused")
        .doesNotContain("from thread 'main'")
        .contains("work on another thread would commit for real; run it on the test thread");
    assertThat(committedRows()).isZero();
  }

  @Test
  void assertTimeoutPreemptively_databaseWorkInside_refusedWithTheReason() throws SQLException {
    List<TestExecutionSummary.Failure> failures = run(UsesAssertTimeoutPreemptively.class);

    assertThat(failures)
        .singleElement()
        .extracting(TestExecutionSummary.Failure::getException)
        .asString()
        .contains("a @DatabaseTest rolls back only the test thread's transaction");
    assertThat(committedRows()).isZero();
  }

  @Test
  void nextTest_afterARefusal_usesTheDatabaseFromItsOwnThreadAsUsual() throws SQLException {
    run(SwallowsTheWorkersFailure.class);

    assertThat(run(UsesTheTestThread.class)).isEmpty();
    assertThat(committedRows()).isZero();
  }

  @DatabaseTest
  static class SwallowsTheWorkersFailure {
    @Test
    void test() {
      CompletableFuture.runAsync(DatabaseTestThreadsTest::insertThroughTheProvider)
          .exceptionally(e -> null)
          .join();
    }
  }

  @DatabaseTest
  static class UsesAssertTimeoutPreemptively {
    @Test
    void test() {
      Assertions.assertTimeoutPreemptively(
          Duration.ofMinutes(1), DatabaseTestThreadsTest::insertThroughTheProvider);
    }
  }

  @DatabaseTest
  static class UsesTheTestThread {
    @Test
    void test() {
      insertThroughTheProvider();
    }
  }
}
