package dev.runtask.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.contract.LogEvent;
import dev.runtask.launcher.support.FaultProxy;
import dev.runtask.launcher.support.MotoFixture;
import dev.runtask.launcher.support.Projects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person at a terminal sees from launcher.jar: a real pseudo-terminal through script(1), for
 * {@code -e local} with the real tasks.jar and for an ECS run on moto.
 */
class TerminalIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path JAR = Path.of("target/launcher.jar").toAbsolutePath();
  private static final String ESC = "\u001b[";

  @Test
  void local_helloWorldAtAPseudoTerminal_everyLineRenderedWithColouredLevels() throws Exception {
    String screen = atTerminal(ROOT, Map.of(), "run -e local -n hello-world -- --name terminal");

    assertThat(screen)
        .contains(ESC + "34mINFO " + ESC + "0;39m Starting task hello-world")
        .contains("Hello, terminal!")
        .contains("Task hello-world finished with exit code 0")
        .doesNotContain("{\"");
  }

  @Test
  void local_noColorAtAPseudoTerminal_renderedWithoutEscapes() throws Exception {
    String screen =
        atTerminal(ROOT, Map.of("NO_COLOR", "1"), "run -e local -n hello-world -- --name plain");

    assertThat(screen)
        .containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  Hello, plain!")
        .doesNotContain(ESC)
        .doesNotContain("{\"");
  }

  /** CloudWatch holds the runtime's JSON lines; the operator reads them as the runtime's text. */
  @Test
  void ecs_runAtAPseudoTerminal_cloudWatchLinesRendered(@TempDir Path dir) throws Exception {
    try (MotoFixture moto = new MotoFixture()) {
      String hello =
          new LogEvent(
                  System.currentTimeMillis(),
                  "INFO",
                  "main",
                  "t.T",
                  Map.of("task", "hello-world"),
                  "Hello, operator!",
                  null,
                  null)
              .toJson();
      String failed =
          new LogEvent(
                  System.currentTimeMillis(),
                  "ERROR",
                  "main",
                  "t.T",
                  Map.of(),
                  "Task hello-world failed",
                  "java.lang.IllegalStateException: boom\n\tat t.T.run(T.java:7)\n",
                  null)
              .toJson();
      moto.proxy.hook(
          new FaultProxy.Hook() {
            @Override
            public FaultProxy.Reply after(
                String operation, int n, ObjectNode request, ObjectNode response) {
              if (operation.equals("ecs:RunTask")) {
                moto.writeLogs(
                    response.at("/tasks/0/taskArn").asText(),
                    List.of(hello, failed, "not the runtime's"));
              }
              return null;
            }
          });
      Path project = Projects.copyTo(dir);
      Map<String, String> env =
          Map.of(
              "TEST_SUBNET",
              moto.subnet,
              "TEST_SECURITY_GROUP",
              moto.securityGroup,
              "RUNTASK_IMAGE_TAG",
              MotoFixture.IMAGE_TAG,
              "AWS_ACCESS_KEY_ID",
              "AKIATEST",
              "AWS_SECRET_ACCESS_KEY",
              "test-secret",
              "NO_COLOR",
              "1");

      String screen =
          atTerminal(
              project,
              env,
              "run -e moto -n hello-world --endpoint-url "
                  + moto.proxy.endpoint()
                  + " --poll-interval 10ms --max-poll-interval 50ms --log-grace 200ms");

      assertThat(screen)
          .containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  Hello, operator!")
          .containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR Task hello-world failed\\r?\\n")
          .containsPattern(
              "java.lang.IllegalStateException: boom\\r?\\n\\tat t.T.run\\(T.java:7\\)")
          .contains("not the runtime's")
          .doesNotContain("{\"timestamp\"");
    }
  }

  /** The launcher under script(1): stdin, stdout and stderr are one pseudo-terminal. */
  private static String atTerminal(Path dir, Map<String, String> env, String args)
      throws Exception {
    assertThat(Path.of("/usr/bin/script")).as("script(1) from util-linux").exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                "/usr/bin/script", "-qec", java + " -jar " + JAR + " " + args, "/dev/null")
            .directory(dir.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("RUNTASK_"));
    builder.environment().remove("NO_COLOR");
    builder.environment().putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String screen = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(screen).isTrue();
    assertThat(process.exitValue()).as(screen).isZero();
    return screen;
  }
}
