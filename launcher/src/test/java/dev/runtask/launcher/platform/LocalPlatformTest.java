package dev.runtask.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.launcher.support.FakeTasks;
import dev.runtask.launcher.support.Projects;
import dev.runtask.launcher.support.TestHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `-e local` with a real child JVM: output, exit code, environment, SIGTERM on Ctrl-C. */
class LocalPlatformTest {
  @TempDir Path dir;
  Path project;
  TestHost host;

  @BeforeEach
  void setUp() throws Exception {
    project = Projects.copyTo(dir.resolve("project"));
    Path jar = fakeTasksJar(dir.resolve("tasks.jar"));
    host =
        new TestHost()
            .workDir(project)
            .env("TEST_TASKS_JAR", jar.toString())
            .env("USER", "ada")
            .env("PATH", System.getenv("PATH"))
            .env("AWS_SECRET_ACCESS_KEY", "must-not-reach-the-child")
            .env("TEST_GREETING", "konnichiwa");
  }

  /**
   * A jar whose manifest runs FakeTasks from the test classes: a real `java -jar`, no build step.
   */
  static Path fakeTasksJar(Path jar) throws Exception {
    Path classes =
        Path.of(FakeTasks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeTasks.class.getName());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out, manifest)) {
      j.flush();
    }
    return jar;
  }

  @Test
  void run_local_streamsOutputAndPassesRenderedEnvironment() {
    TestHost.Result r =
        host.run("run", "-e", "local", "-n", "hello-world", "--", "--name", "Ada Lovelace");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("args=[hello-world, --name, Ada Lovelace]")
        .contains("launched-by=local:ada")
        .contains("greeting=konnichiwa")
        .contains("aws-secret-visible=false");
    assertThat(r.err()).contains("a line on stderr");
  }

  @Test
  void run_localTaskFails_passesExitCodeThrough() {
    TestHost.Result r =
        host.run("run", "-e", "local", "-n", "import-users", "--", "--api-token", "t", "users.csv");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("the task exited with code 3");
  }

  @Test
  void run_localInterrupted_forwardsSigtermAndExits143() {
    host.tapStdout(
        new OutputStream() {
          private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

          @Override
          public void write(int b) {
            seen.write(b);
            if (b == '\n' && seen.toString(StandardCharsets.UTF_8).endsWith("ready\n")) {
              host.interrupts().fire();
            }
          }
        });

    TestHost.Result r = host.run("run", "-e", "local", "-n", "sleep");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(143);
    assertThat(r.out()).contains("got SIGTERM");
  }

  @Test
  void run_localInterruptedTwice_killsTaskThatIgnoresSigterm() {
    host.tapStdout(
        new OutputStream() {
          private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

          @Override
          public void write(int b) {
            seen.write(b);
            String text = seen.toString(StandardCharsets.UTF_8);
            if (b == '\n' && (text.endsWith("ready\n") || text.endsWith("ignoring SIGTERM\n"))) {
              host.interrupts().fire();
            }
          }
        });

    TestHost.Result r =
        host.run("run", "-e", "local", "-n", "hello-world", "--", "--name", "stubborn");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(137);
    assertThat(r.err())
        .contains("sent SIGTERM to the task (Ctrl-C again to kill it)")
        .contains("SIGKILL, exit 137");
  }

  @Test
  void run_localDryRun_printsCommandWithoutSecrets() {
    TestHost.Result r =
        host.run(
            "run",
            "-e",
            "local",
            "-n",
            "import-users",
            "--dry-run",
            "--",
            "--api-token",
            "s3cr3t",
            "f.csv");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("-jar")
        .contains("import-users --api-token **** f.csv")
        .contains("RUNTASK_LAUNCHED_BY=local:ada");
    assertThat(r.out()).doesNotContain("s3cr3t");
  }

  @Test
  void run_atFileArgument_reachesTheTaskLiterally() throws IOException {
    Path file = Files.writeString(dir.resolve("team.txt"), "--seconds\n5\n");

    TestHost.Result r =
        host.run(
            "run", "-e", "local", "-n", "hello-world", "--dry-run", "--", "--name", "@" + file);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("hello-world --name @" + file);
  }

  @Test
  void run_taskHelp_printsTheTasksUsageAndStartsNothing() {
    TestHost.Result r = host.run("run", "-e", "local", "-n", "import-users", "--", "--help");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Usage: import-users").contains("--api-token=<token>");
    assertThat(r.out()).doesNotContain("args=");
  }

  @Test
  void run_localJarMissing_exits2WithBuildHint() throws IOException {
    TestHost.Result r =
        host.env("TEST_TASKS_JAR", dir.resolve("nope.jar").toString())
            .run("run", "-e", "local", "-n", "hello-world");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("nope.jar does not exist — build it first");
  }
}
