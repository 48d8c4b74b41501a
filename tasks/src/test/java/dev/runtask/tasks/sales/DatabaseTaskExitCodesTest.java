package dev.runtask.tasks.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.TaskRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad database settings are exit 2 naming the variable; an unreachable database is exit 1, one
 * line.
 */
class DatabaseTaskExitCodesTest {
  @TempDir Path dir;
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

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
  void singleInstanceTask_badSettings_exit2BeforeAnythingRuns() {
    int exit = run(Map.of("RUNTASK_DB_PASSWORD", "x"), "recalculate-sale-totals");

    assertThat(exit).isEqualTo(2);
    assertThat(stderr()).contains("RUNTASK_DB_PASSWORD is set but RUNTASK_DB_URL is not");
  }
}
