package dev.runtask.tasks.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The built artifact, run exactly as the image and README run it: java @jvm.options -jar tasks.jar.
 */
class TasksJarIT {
  private static final Path TARGET = Path.of("target").toAbsolutePath();

  @Test
  void helloWorld_launchLine_logsTheGreetingAndExitsZero() throws Exception {
    Process process = start("hello-world", "--name", "operators");
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(exit(process)).isZero();
    assertThat(stdout).contains("\"formattedMessage\":\"Hello, operators!\"");
  }

  /**
   * Text mode is what a person at a terminal gets. Logging starts on a second thread; a task that
   * logs and exits at once used to lose every line in most runs, so one run proves little.
   */
  @Test
  void helloWorld_textLogsTenRunsInARow_everyRunPrintsEveryLineInOrder() throws Exception {
    for (int run = 1; run <= 10; run++) {
      Process process = start(Map.of("RUNTASK_LOG_FORMAT", "text"), "hello-world", "--name", "ops");
      String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(exit(process)).isZero();
      assertThat(stdout.lines().toList())
          .as("run %d", run)
          .hasSize(3)
          .satisfiesExactly(
              first -> assertThat(first).contains("INFO", "Starting task hello-world"),
              second -> assertThat(second).contains("INFO", "Hello, ops!"),
              third -> assertThat(third).contains("Task hello-world finished with exit code 0"));
      assertThat(stderr).as("run %d: nothing from SLF4J's start-up on stderr", run).isEmpty();
    }
  }

  @Test
  void importSales_textLogsMissingFile_exits2AndSaysWhy() throws Exception {
    Process process =
        start(Map.of("RUNTASK_LOG_FORMAT", "text"), "import-sales", "--file", "nope.csv");
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(exit(process)).isEqualTo(2);
    assertThat(stdout).contains("ERROR", "--file nope.csv does not exist or cannot be read");
  }

  /** What README's first command shows a person: the real terminal, through script(1). */
  @Test
  void helloWorld_atAPseudoTerminal_printsTextLinesWithTheGreeting() throws Exception {
    assertThat(Path.of("/usr/bin/script")).as("script(1) from util-linux").exists();
    List<String> command = new ArrayList<>(launchLine());
    command.addAll(List.of("hello-world", "--name", "terminal"));
    ProcessBuilder builder =
        new ProcessBuilder("/usr/bin/script", "-qec", String.join(" ", command), "/dev/null");
    builder.environment().remove("RUNTASK_LOG_FORMAT");
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    Process process = builder.start();
    String screen = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(exit(process)).isZero();
    assertThat(screen)
        .contains("Starting task hello-world", "Hello, terminal!", "finished with exit code 0")
        .doesNotContain("{\"");
  }

  @Test
  void help_listsTheSampleTasks() throws Exception {
    Process process = start("--help");
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(exit(process)).isZero();
    assertThat(stdout).contains("hello-world", "sleep");
  }

  @Test
  void unknownTask_exits2WithDidYouMean() throws Exception {
    Process process = start("slep", "--seconds", "1");
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(exit(process)).isEqualTo(2);
    assertThat(stderr)
        .isEqualTo("Unknown task 'slep'. Did you mean sleep? tasks.jar --help lists the tasks.\n");
  }

  @Test
  void sleep_negativeSeconds_exits2SayingWhatIsExpected() throws Exception {
    Process process = start(Map.of("RUNTASK_LOG_FORMAT", "text"), "sleep", "--seconds", "-1");
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(exit(process)).isEqualTo(2);
    assertThat(stdout).contains("--seconds must be >= 0, got -1; nothing was done");
  }

  @Test
  void sleep_sigtermAsFromEcsStopTask_logsStoppedAndExits143() throws Exception {
    Process process = start("sleep", "--seconds", "600");
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = stdout.readLine()) != null && !line.contains("Sleeping for 600 s")) {
      lines.add(line);
    }
    assertThat(line).as("sleep started; output so far %s", lines).isNotNull();

    // SIGTERM, as ECS sends it (Process.destroy would also close our end of its output).
    process.toHandle().destroy();

    while ((line = stdout.readLine()) != null) {
      lines.add(line);
    }
    assertThat(exit(process)).isEqualTo(143);
    assertThat(String.join("\n", lines))
        .contains("Received SIGTERM", "Task sleep was stopped by SIGTERM");
  }

  private static Process start(String... args) throws IOException {
    return start(Map.of(), args);
  }

  private static Process start(Map<String, String> env, String... args) throws IOException {
    List<String> command = launchLine();
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("RUNTASK_LOG_FORMAT");
    builder.environment().putAll(env);
    return builder.start();
  }

  private static List<String> launchLine() {
    Path jar = TARGET.resolve("tasks.jar");
    assertThat(jar).exists();
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    Path options = TARGET.resolve("jvm.options");
    if (Files.exists(options)) {
      command.add("@" + options);
    }
    command.addAll(List.of("-jar", jar.toString()));
    return command;
  }

  private static int exit(Process process) throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("tasks.jar did not exit");
    }
    return process.exitValue();
  }
}
