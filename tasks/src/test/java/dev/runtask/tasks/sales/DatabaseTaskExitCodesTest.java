package dev.runtask.tasks.sales;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.runtask.runtime.TaskRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Bad database settings are exit 2 naming the variable; an unreachable database is exit 1, one
 * line.
 */
class DatabaseTaskExitCodesTest {
  @TempDir Path dir;
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  @BeforeEach
  void captureLogs() {
    logs.start();
    root().addAppender(logs);
  }

  @AfterEach
  void stopCapturing() {
    root().detachAppender(logs);
  }

  /** Every log line with its stack trace, as an appender would write it. */
  List<String> logLines() {
    return logs.list.stream()
        .map(
            e ->
                e.getFormattedMessage()
                    + (e.getThrowableProxy() == null
                        ? ""
                        : " " + ThrowableProxyUtil.asString(e.getThrowableProxy())))
        .toList();
  }

  int run(Map<String, String> env, String... args) {
    return TaskRuntime.builder()
        .env(env)
        .err(new PrintStream(err, true, StandardCharsets.UTF_8))
        .build()
        .execute(args);
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  Path csv() throws Exception {
    Path file = dir.resolve("sales.csv");
    Files.writeString(
        file, "sale_id,sold_at,product_id,quantity\nX-1,2026-11-01T10:00:00Z,P-100,1\n");
    return file;
  }

  @Test
  void importSales_userWithoutUrl_exit2NamingTheVariable() throws Exception {
    int exit = run(Map.of("RUNTASK_DB_USER", "app"), "import-sales", "--file", csv().toString());

    assertThat(exit).isEqualTo(2);
    assertThat(stderr()).contains("RUNTASK_DB_USER is set but RUNTASK_DB_URL is not");
  }

  @Test
  void importSales_urlNotJdbc_exit2NamingTheVariable() throws Exception {
    int exit =
        run(
            Map.of("RUNTASK_DB_URL", "mysql://db/app", "RUNTASK_DB_USER", "app"),
            "import-sales",
            "--file",
            csv().toString());

    assertThat(exit).isEqualTo(2);
    assertThat(stderr()).contains("RUNTASK_DB_URL must start with jdbc:postgresql:");
  }

  @Test
  void importSales_databaseUnreachable_exit1WithOneClearLine() throws Exception {
    int exit =
        run(
            Map.of(
                "RUNTASK_DB_URL",
                "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2",
                "RUNTASK_DB_USER",
                "postgres",
                "RUNTASK_DB_PASSWORD",
                "s3cret"),
            "import-sales",
            "--file",
            csv().toString());

    assertThat(exit).isEqualTo(1);
    assertThat(stderr().lines().toList())
        .singleElement()
        .asString()
        .contains("cannot connect to the database jdbc:postgresql://127.0.0.1:1/test")
        .doesNotContain("s3cret");
  }

  @Test
  void importSales_libpqUrlWithPassword_exit2WithoutThePasswordOnStderrOrInTheLog()
      throws Exception {
    int exit =
        run(
            Map.of("RUNTASK_DB_URL", "postgres://app:S3cr3t@db.internal/sales"),
            "import-sales",
            "--file",
            csv().toString());

    assertThat(exit).isEqualTo(2);
    assertThat(stderr().lines().toList())
        .singleElement()
        .asString()
        .contains("RUNTASK_DB_URL must start with jdbc:postgresql:")
        .contains("postgres://app:****@db.internal/sales")
        .contains("RUNTASK_DB_USER and RUNTASK_DB_PASSWORD");
    assertThat(logs.list).isNotEmpty();
    assertThat(logLines()).noneMatch(line -> line.contains("S3cr3t"));
  }

  @Test
  void importSales_jdbcUrlWithUserInfoUnreachable_exit1WithoutThePasswordOnStderrOrInTheLog()
      throws Exception {
    int exit =
        run(
            Map.of(
                "RUNTASK_DB_URL",
                "jdbc:postgresql://app:S3cr3t@127.0.0.1:1/test?connectTimeout=2",
                "RUNTASK_DB_USER",
                "app"),
            "import-sales",
            "--file",
            csv().toString());

    assertThat(exit).isEqualTo(1);
    assertThat(stderr().lines().toList())
        .singleElement()
        .asString()
        .contains("cannot connect to the database jdbc:postgresql://app:****@127.0.0.1:1/test");
    assertThat(logLines()).isNotEmpty().noneMatch(line -> line.contains("S3cr3t"));
  }

  @Test
  void singleInstanceTask_badSettings_exit2BeforeAnythingRuns() {
    int exit = run(Map.of("RUNTASK_DB_PASSWORD", "x"), "recalculate-sale-totals");

    assertThat(exit).isEqualTo(2);
    assertThat(stderr()).contains("RUNTASK_DB_PASSWORD is set but RUNTASK_DB_URL is not");
  }
}
