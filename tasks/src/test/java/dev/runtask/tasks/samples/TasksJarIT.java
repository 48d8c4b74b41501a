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
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("RUNTASK_LOG_FORMAT");
    return builder.start();
  }

  private static int exit(Process process) throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("tasks.jar did not exit");
    }
    return process.exitValue();
  }
}
