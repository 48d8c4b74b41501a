package dev.runtask.tasks.sales;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.runtask.runtime.TaskRuntime;
import dev.runtask.testharness.TestDatabaseLocation;
import dev.runtask.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code --dry-run} against the real database, outside any test transaction. */
class DryRunTest {
  @TempDir Path dir;
  final String prefix = "DR-" + UUID.randomUUID().toString().substring(0, 8);
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final Map<String, String> env = TestDatabaseLocation.fromEnvironment().taskEnvironment();

  static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  @BeforeEach
  void captureLogs() {
    TestDatabase.get();
    logs.start();
    root().addAppender(logs);
  }

  @AfterEach
  void cleanUp() throws SQLException {
    root().detachAppender(logs);
    try (Connection c = TestDatabase.get().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("delete from sale where sale_id like ?")) {
      ps.setString(1, prefix + "%");
      ps.executeUpdate();
    }
  }

  int committedSales() throws SQLException {
    try (Connection c = TestDatabase.get().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("select count(*) from sale where sale_id like ?")) {
      ps.setString(1, prefix + "%");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  Path csv() throws Exception {
    Path file = dir.resolve(prefix + ".csv");
    Files.writeString(
        file,
        String.join(
            "\n",
            "sale_id,sold_at,product_id,quantity",
            prefix + "-1,2026-11-01T10:00:00Z,P-100,1",
            prefix + "-1,2026-11-01T10:00:00Z,P-200,1",
            prefix + "-2,2026-11-01T11:00:00Z,P-300,4"));
    return file;
  }

  @Test
  void importSales_dryRun_nothingCommittedAndSummaryOfWhatWouldHaveChangedLogged()
      throws Exception {
    Path file = csv();

    int exit =
        TaskRuntime.builder()
            .env(env)
            .build()
            .execute("import-sales", "--file", file.toString(), "--dry-run");

    assertThat(exit).isZero();
    assertThat(committedSales()).isZero();
    assertThat(logs.list)
        .map(ILoggingEvent::getFormattedMessage)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("would have changed: sale: 2 inserted, sale_line: 3 inserted"));
    try (Connection c = TestDatabase.get().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select dry_run, exit_code, ended_at"
                    + " from runtask_task_execution where arguments like ?")) {
      ps.setString(1, "%" + prefix + "%");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("execution record").isTrue();
        assertThat(rs.getBoolean(1)).isTrue();
        assertThat(rs.getInt(2)).isZero();
        assertThat(rs.getTimestamp(3)).isNotNull();
      }
    }
  }

  @Test
  void importSales_withoutDryRun_sameFileCommitted() throws Exception {
    int exit =
        TaskRuntime.builder().env(env).build().execute("import-sales", "--file", csv().toString());

    assertThat(exit).isZero();
    assertThat(committedSales()).isEqualTo(2);
  }
}
