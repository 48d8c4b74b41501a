package dev.runtask.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.launcher.Main;
import dev.runtask.launcher.support.MotoProject;
import dev.runtask.launcher.support.Projects;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a real process getting SIGTERM, as a cancelled CI job sends it: {@code -e local}
 * forwards it to the child and exits with the child's code, leaving no child behind; an ECS wait
 * prints how to follow the task (moto behind the fault proxy) and stops it only when asked to.
 */
class LauncherSignalsProcessTest {
  @RegisterExtension final MotoProject env = new MotoProject();
  @TempDir Path dir;
  final List<Process> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() throws InterruptedException {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
    }
  }

  /** A launcher JVM (Main on the test class path) in {@code project} with {@code env}. */
  final class Launcher {
    final Process process;
    final List<String> out = new CopyOnWriteArrayList<>();
    final List<String> err = new CopyOnWriteArrayList<>();

    Launcher(Path project, Map<String, String> environment, String... args) throws IOException {
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName()));
      command.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile());
      pb.environment().clear();
      pb.environment().put("PATH", System.getenv("PATH"));
      pb.environment().put("USER", "ada");
      pb.environment().putAll(environment);
      process = pb.start();
      started.add(process);
      drain(process.getInputStream(), out);
      drain(process.getErrorStream(), err);
    }

    void awaitOutput(String fragment) {
      await(() -> String.join("\n", out).contains(fragment), "stdout line '" + fragment + "'");
    }

    void await(BooleanSupplier condition, String what) {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (!condition.getAsBoolean()) {
        if (Instant.now().isAfter(deadline) || !process.isAlive()) {
          throw new AssertionError("never saw " + what + "; stdout " + out + " stderr " + err);
        }
        Thread.onSpinWait();
      }
    }

    void sigterm() throws Exception {
      assertThat(
              new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor())
          .isZero();
    }

    int awaitExit() throws InterruptedException {
      assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("launcher exited").isTrue();
      return process.exitValue();
    }

    String stderr() {
      return String.join("\n", err);
    }

    String stdout() {
      return String.join("\n", out);
    }
  }

  private static void drain(InputStream stream, List<String> lines) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process went away
              }
            },
            "launcher-output");
    t.setDaemon(true);
    t.start();
  }

  Launcher local(Map<String, String> extraEnv, String... args) throws Exception {
    Path project = Projects.copyTo(dir.resolve("project"));
    Path jar = LocalPlatformTest.fakeTasksJar(dir.resolve("tasks.jar"));
    Map<String, String> environment = new java.util.HashMap<>(extraEnv);
    environment.put("TEST_TASKS_JAR", jar.toString());
    List<String> all = new ArrayList<>(List.of("run", "-e", "local"));
    all.addAll(List.of(args));
    return new Launcher(project, environment, all.toArray(String[]::new));
  }

  @Test
  void local_sigtermToTheLauncher_forwardedToTheChild_launcherExitsWithTheChildsCode()
      throws Exception {
    Launcher launcher = local(Map.of(), "-n", "sleep");
    launcher.awaitOutput("ready");
    List<ProcessHandle> children = launcher.process.descendants().toList();
    assertThat(children).isNotEmpty();

    launcher.sigterm();

    assertThat(launcher.awaitExit()).as(launcher.stderr()).isEqualTo(143);
    assertThat(launcher.stdout()).contains("got SIGTERM");
    assertThat(launcher.stderr()).contains("launcher: got SIGTERM: sent SIGTERM to the task");
    assertThat(children).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void local_sigtermAndTheChildIgnoresIt_killedWhenItsGraceIsOver_exit137() throws Exception {
    Launcher launcher =
        local(
            Map.of("RUNTASK_STOP_GRACE_SECONDS", "1"),
            "-n",
            "hello-world",
            "--",
            "--name",
            "stubborn");
    launcher.awaitOutput("ready");
    List<ProcessHandle> children = launcher.process.descendants().toList();

    launcher.sigterm();

    assertThat(launcher.awaitExit()).as(launcher.stderr()).isEqualTo(137);
    assertThat(launcher.stderr())
        .contains("SIGKILL in 6 s unless it stops")
        .contains("the task did not stop within 6 s of SIGTERM; sent SIGKILL");
    assertThat(children).noneMatch(ProcessHandle::isAlive);
  }

  Launcher ecs(String... args) throws IOException {
    env.moto.moto.taskTransitions(1_000_000);
    List<String> all = new ArrayList<>(List.of("run"));
    all.addAll(List.of(env.moto.aws()));
    all.addAll(List.of("-e", "moto", "-n", "sleep"));
    all.addAll(List.of(args));
    return new Launcher(
        env.project,
        Map.of(
            "TEST_SUBNET", env.moto.subnet,
            "TEST_SECURITY_GROUP", env.moto.securityGroup,
            "RUNTASK_IMAGE_TAG", "abc123"),
        all.toArray(String[]::new));
  }

  private static long describes(List<String> operations) {
    return operations.stream().filter("ecs:DescribeTasks"::equals).count();
  }

  @Test
  void ecs_sigtermWhileWaiting_printsTheAttachLineLeavesTheTaskAndExits121() throws Exception {
    Launcher launcher = ecs();
    launcher.await(() -> describes(env.moto.proxy.operations()) >= 2, "the wait polling");

    launcher.sigterm();

    assertThat(launcher.awaitExit()).as(launcher.stderr()).isEqualTo(121);
    assertThat(launcher.stderr())
        .contains("launcher: interrupted by SIGTERM: task ")
        .contains("is still running; follow it with `launcher attach -e moto ");
    assertThat(env.moto.proxy.operations()).doesNotContain("ecs:StopTask");
  }

  @Test
  void ecs_sigtermWithStopOnInterrupt_stopsTheTaskAndExits121() throws Exception {
    Launcher launcher = ecs("--stop-on-interrupt");
    launcher.await(() -> describes(env.moto.proxy.operations()) >= 2, "the wait polling");

    launcher.sigterm();

    assertThat(launcher.awaitExit()).as(launcher.stderr()).isEqualTo(121);
    assertThat(launcher.stderr()).contains("interrupted by SIGTERM: asked ECS to stop task");
    assertThat(env.moto.proxy.operations()).contains("ecs:StopTask");
  }
}
