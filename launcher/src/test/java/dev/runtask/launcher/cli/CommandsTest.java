package dev.runtask.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtask.launcher.support.MotoFixture;
import dev.runtask.launcher.support.Projects;
import dev.runtask.launcher.support.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** render, diff, tasks and option parsing, as an operator sees them. */
class CommandsTest {
  @TempDir Path dir;

  @Test
  void parse_taskArgsAfterDoubleDash_goToTheTask() {
    RunCommand run =
        CommandLine.populateCommand(
            new RunCommand(),
            "-e",
            "staging",
            "-n",
            "sleep",
            "--timeout",
            "90m",
            "--",
            "--seconds",
            "5",
            "--timeout",
            "x");

    assertThat(run.environment.env).isEqualTo("staging");
    assertThat(run.task).isEqualTo("sleep");
    assertThat(run.waiting.timeout).isEqualTo(Duration.ofMinutes(90));
    assertThat(run.taskArgs).containsExactly("--seconds", "5", "--timeout", "x");
  }

  @Test
  void render_taskWithOverrides_printsRegisterableDefinition() throws Exception {
    Path project = Projects.copyTo(dir);
    TestHost.Result r =
        new TestHost()
            .workDir(project)
            .env("TEST_SUBNET", "subnet-1")
            .env("TEST_SECURITY_GROUP", "sg-1")
            .run("render", "-e", "moto", "-n", "sleep", "--image-tag", "feed");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("family").asText()).isEqualTo("runtask-test-sleep");
    assertThat(json.path("memory").asText()).isEqualTo("1024");
    assertThat(json.at("/containerDefinitions/0/image").asText()).endsWith("runtask:feed");
    assertThat(
            json.at("/containerDefinitions/0/logConfiguration/options/awslogs-stream-prefix")
                .asText())
        .isEqualTo("runtask");
  }

  @Test
  void render_repositoryEnvironments_allRender() {
    Path root = Path.of("").toAbsolutePath().getParent();
    for (String env : new String[] {"local", "staging", "production"}) {
      TestHost.Result r =
          new TestHost().workDir(root).run("render", "-e", env, "--image-tag", "0123abcd");
      assertThat(r.exitCode()).as(env + ": " + r).isZero();
    }
  }

  @Test
  void render_repositoryEnvironments_areTheFilesWithOnlyThePlaceholdersFilledIn() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    for (String env : new String[] {"local", "staging", "production"}) {
      String file =
          Files.readString(root.resolve("task-definitions/" + env + "/task-definition.json"));
      // What ecspresso or a sed would do: the tag, and each env placeholder's default.
      String filled =
          file.replace("{{ image_tag }}", "0123abcd")
              .replaceAll("\\{\\{ env \\\\\"[A-Z_]+\\\\\" \\\\\"([^\\\\]*)\\\\\" }}", "$1");

      TestHost.Result r =
          new TestHost().workDir(root).run("render", "-e", env, "--image-tag", "0123abcd");

      assertThat(r.exitCode()).as(env + ": " + r).isZero();
      assertThat(new ObjectMapper().readTree(r.out()))
          .as(env)
          .isEqualTo(new ObjectMapper().readTree(filled));
    }
  }

  @Test
  void tasks_listsManifestTasksWithOptions() {
    TestHost.Result r = new TestHost().workDir(dir).run("tasks");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("hello-world  — Logs a greeting")
        .contains("    --name <name>  (default: world)")
        .contains("import-users  — Imports users from a file  [single instance]")
        .contains("--api-token <token>  (required)");
  }

  @Test
  void diff_beforeAndAfterRegistering_saysWhatRunWouldDo() {
    try (MotoFixture moto = new MotoFixture()) {
      Path project = Projects.copyTo(dir);
      TestHost host = moto.host(project);
      String endpoint = moto.proxy.endpoint().toString();

      TestHost.Result before =
          host.run(
              "diff",
              "-e",
              "moto",
              "-k",
              "a",
              "-s",
              "b",
              "--endpoint-url",
              endpoint,
              "--exit-code");
      assertThat(before.exitCode()).isEqualTo(1);
      assertThat(before.out())
          .contains(
              "family runtask-test has no registered revision: run would register revision 1");

      host.run(
          ("run -e moto -n hello-world --no-wait -k a -s b --endpoint-url " + endpoint).split(" "));
      TestHost.Result same =
          host.run(
              "diff",
              "-e",
              "moto",
              "-k",
              "a",
              "-s",
              "b",
              "--endpoint-url",
              endpoint,
              "--exit-code");
      assertThat(same.exitCode()).as(same.toString()).isZero();
      assertThat(same.out()).contains("runtask-test:1 is up to date");

      TestHost.Result changed =
          host.env("TEST_GREETING", "hola")
              .run("diff", "-e", "moto", "-k", "a", "-s", "b", "--endpoint-url", endpoint);
      assertThat(changed.out())
          .contains("--- runtask-test:1 (registered)")
          .contains("~ containerDefinitions[0].environment[0].value: \"hello\" → \"hola\"");
    }
  }
}
