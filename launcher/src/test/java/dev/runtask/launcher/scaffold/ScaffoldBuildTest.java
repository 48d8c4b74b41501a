package dev.runtask.launcher.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtask.launcher.support.TestHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of {@code launcher new}: the generated code compiles and its tests pass with no
 * edits, and the runtime's index and the launcher's manifest pick the new tasks up with no
 * registration. One offline Maven build of a copy of the repository for a plain and a --db task
 * together. Only the generated tests run in it (the other modules' tests run in their own builds),
 * and the --db one needs PostgreSQL at 127.0.0.1:5432 like every database test (test-support).
 */
class ScaffoldBuildTest {
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

  @TempDir Path copy;

  @Test
  void new_plainAndDatabaseTask_copyBuildsTestsPassAndTasksJarListsBoth() throws Exception {
    Repositories.buildableCopy(copy);
    TestHost.Result plain =
        new TestHost()
            .workDir(copy)
            .run("new", "backfill-orders", "--description", "Backfills orders from the old system");
    TestHost.Result database = new TestHost().workDir(copy).run("new", "archive-orders", "--db");
    assertThat(plain.exitCode()).as(plain.toString()).isZero();
    assertThat(database.exitCode()).as(database.toString()).isZero();

    long started = System.nanoTime();
    Run build =
        run(
            BUILD_TIMEOUT,
            "mvn",
            "-B",
            "-o",
            "-q",
            "-pl",
            "tasks",
            "-am",
            "verify",
            "-Dtest=BackfillOrdersTaskTest,ArchiveOrdersTaskTest",
            "-Dsurefire.failIfNoSpecifiedTests=false",
            "-DskipITs");
    System.out.printf(
        "ScaffoldBuildTest: mvn verify of the copy took %d s%n",
        Duration.ofNanos(System.nanoTime() - started).toSeconds());

    assertThat(build.exitCode()).as(build.output()).isZero();
    assertThat(testsRun("backfillorders.BackfillOrdersTaskTest")).isEqualTo(2);
    assertThat(testsRun("archiveorders.ArchiveOrdersTaskTest")).isEqualTo(3);
    JsonNode manifest =
        new ObjectMapper()
            .readTree(
                copy.resolve("tasks/target/classes/META-INF/runtask/task-manifest.json").toFile());
    assertThat(manifest.path("tasks").findValuesAsText("name"))
        .contains("backfill-orders", "archive-orders");
    assertThat(task(manifest, "backfill-orders").path("description").asText())
        .isEqualTo("Backfills orders from the old system");
    assertThat(task(manifest, "archive-orders").path("options").findValuesAsText("defaultValue"))
        .contains("100");

    Run help = run(Duration.ofMinutes(1), "java", "-jar", "tasks/target/tasks.jar", "--help");
    assertThat(help.output())
        .contains(
            "backfill-orders",
            "Backfills orders from the old system",
            "archive-orders",
            "Archive orders");
    Run hello =
        run(
            Duration.ofMinutes(1),
            "java",
            "-jar",
            "tasks/target/tasks.jar",
            "backfill-orders",
            "--limit",
            "3");
    assertThat(hello.exitCode()).as(hello.output()).isZero();
  }

  private static JsonNode task(JsonNode manifest, String name) {
    for (JsonNode task : manifest.path("tasks")) {
      if (name.equals(task.path("name").asText())) {
        return task;
      }
    }
    throw new AssertionError(name + " is not in the manifest: " + manifest);
  }

  /**
   * How many tests of {@code dev.runtask.tasks.<suffix>} ran without failure, from its surefire
   * report.
   */
  private int testsRun(String suffix) throws IOException {
    Path report =
        copy.resolve("tasks/target/surefire-reports/TEST-dev.runtask.tasks." + suffix + ".xml");
    assertThat(report).exists();
    String xml = Files.readString(report);
    assertThat(xml).contains("failures=\"0\"", "errors=\"0\"");
    var m = java.util.regex.Pattern.compile("tests=\"(\\d+)\"").matcher(xml);
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private record Run(int exitCode, String output) {}

  /**
   * Runs a command in the copy without the RUNTASK_* settings of this shell; output and exit code.
   */
  private Run run(Duration timeout, String... command) throws Exception {
    Path log = Files.createTempFile("scaffold-build", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(new ArrayList<>(List.of(command)))
              .directory(copy.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder
          .environment()
          .keySet()
          .removeIf(k -> k.startsWith("RUNTASK_") && !k.startsWith("RUNTASK_TEST_"));
      Process process = builder.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        return new Run(
            -1,
            "timed out after " + timeout + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
      }
      return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
