package dev.runtask.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.launcher.support.MotoProject;
import dev.runtask.launcher.support.TestHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bad-input corpus: each case exits 2 with one clear line, and nothing reaches AWS. */
class BadInputTest {
  @RegisterExtension final MotoProject env = new MotoProject();

  private TestHost.Result run(TestHost host, String... args) {
    return env.runOn(host, args);
  }

  private TestHost.Result run(String... args) {
    return run(env.moto.host(env.project), args);
  }

  private void write(String file, String text) throws IOException {
    Files.writeString(env.project.resolve("task-definitions").resolve(file), text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown env   | -e stagin -n hello-world                 | unknown environment \"stagin\"",
        "unknown task  | -e moto -n helo-world                    | unknown task \"helo-world\" — did you mean \"hello-world\"?",
        "unknown option| -e moto -n hello-world --nmae x          | task hello-world: unknown option --nmae — did you mean \"--name\"?",
        "bad int       | -e moto -n sleep --seconds soon          | task sleep: Invalid value for option '--seconds': 'soon' is not a long",
        "repeated      | -e moto -n sleep --seconds 1 --seconds 2 | task sleep: option '--seconds' (<seconds>) should be specified only once",
        "launcher typo | -e moto -n hello-world --no-wiat          | unknown option --no-wiat — did you mean the launcher option \"--no-wait\"? (launcher options go before --)",
        "missing param | -e moto -n import-users --api-token t    | task import-users: Missing required parameter: '<file>'",
        "missing opt   | -e moto -n import-users users.csv        | task import-users: Missing required option: '--api-token=<token>'",
        "extra arg     | -e moto -n hello-world stray             | task hello-world: unexpected argument \"stray\"",
        "no task       | -e moto                                  | Missing required option: '--task=TASK'",
        "bad duration  | -e moto -n hello-world --timeout soon    | 'soon' is not a duration",
      })
  void run_badArguments_exits2AndSendsNothing(String name, String args, String message) {
    TestHost.Result r = run(args.trim().split("\\s+"));

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains(message);
    assertThat(env.moto.proxy.calls()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "run, -n, hello-world, --dry-run",
    "run, -n, hello-world, ''",
    "render, -n, hello-world, ''",
    "diff, -n, hello-world, ''"
  })
  void anyCommand_fargateSizeThatDoesNotExist_exits2BeforeAws(
      String command, String n, String task, String flag) throws IOException {
    write("moto/tasks/hello-world.json", "{\"cpu\": \"333\"}");
    List<String> args = new ArrayList<>(List.of(command, "-e", "moto", n, task));
    if (!command.equals("render")) {
      args.addAll(List.of("--endpoint-url", env.moto.proxy.endpoint().toString()));
      args.addAll(List.of("-k", "AKIATESTKEY", "-s", "test-secret-do-not-print"));
    }
    if (!flag.isEmpty()) {
      args.add(flag);
    }

    TestHost.Result r = env.moto.host(env.project).run(args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "task-definitions/moto/task-definition.json with tasks/hello-world.json: Fargate has"
                + " no cpu \"333\": use one of 256, 512, 1024, 2048, 4096, 8192 or 16384");
    assertThat(env.moto.proxy.calls()).isEmpty();
  }

  @Test
  void run_malformedJson_namesFileLineAndColumn() throws IOException {
    write(
        "moto/task-definition.json",
        "{\n  \"family\": \"runtask-test\",\n  \"cpu\": 256\n  \"memory\": \"512\"\n}\n");

    TestHost.Result r = run("-e", "moto", "-n", "hello-world");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("task-definitions/moto/task-definition.json:4:3: malformed JSON");
    assertThat(env.moto.proxy.calls()).isEmpty();
  }

  @Test
  void run_environmentWithLogsKey_refusedSayingWhereLogSettingsGo() throws IOException {
    Path file = env.project.resolve("task-definitions/moto/environment.json");
    Files.writeString(
        file,
        Files.readString(file)
            .replace("\"launchType\"", "\"logs\": {\"group\": \"/ecs/x\"},\n  \"launchType\""));

    TestHost.Result r = run("-e", "moto", "-n", "hello-world");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "task-definitions/moto/environment.json: \"logs\" is no longer read here: put the"
                + " container's logConfiguration (awslogs) in task-definition.json");
    assertThat(env.moto.proxy.calls()).isEmpty();
  }

  @Test
  void run_duplicateKey_isMalformed() throws IOException {
    write("moto/tasks/hello-world.json", "{\"cpu\": \"256\",\n \"cpu\": \"512\"}");

    TestHost.Result r = run("-e", "moto", "-n", "hello-world");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("task-definitions/moto/tasks/hello-world.json:2:")
        .contains("Duplicate field 'cpu'");
  }

  @Test
  void run_missingPlaceholderVariable_namesVariableAndFile() {
    TestHost host =
        new TestHost()
            .workDir(env.project)
            .env("TEST_SUBNET", env.moto.subnet)
            .env("RUNTASK_IMAGE_TAG", "abc123");

    TestHost.Result r = run(host, "-e", "moto", "-n", "hello-world");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "task-definitions/moto/environment.json: network.securityGroups[0]: environment variable"
                + " TEST_SECURITY_GROUP is not set");
    assertThat(env.moto.proxy.calls()).isEmpty();
  }

  @Test
  void run_unknownConfigKey_suggestsTheKnownOne() throws IOException {
    write("moto/tasks/hello-world.json", "{\"memroy\": \"1024\"}");

    TestHost.Result r = run("-e", "moto", "-n", "hello-world");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "task-definitions/moto/tasks/hello-world.json: unknown key \"memroy\" — did you mean \"memory\"?");
  }

  @Test
  void run_unknownTaskDefinitionField_isRefusedBeforeAws() throws IOException {
    String definition =
        Files.readString(env.project.resolve("task-definitions/moto/task-definition.json"));
    write("moto/task-definition.json", definition.replace("\"essential\"", "\"esential\""));

    TestHost.Result r = run("-e", "moto", "-n", "hello-world");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("unknown key \"containerDefinitions[0].esential\" — did you mean \"essential\"?");
    assertThat(env.moto.proxy.calls()).isEmpty();
  }

  @Test
  void run_wrongAccount_refusesAfterOnlyAskingWhoTheCallerIs() {
    TestHost host = env.moto.host(env.project).env("TEST_PINNED_ACCOUNT", "999999999999");

    TestHost.Result r = run(host, "-e", "moto", "-n", "hello-world");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "environment moto is pinned to AWS account 999999999999 but the credentials belong to account 123456789012");
    assertThat(env.moto.proxy.operations()).containsExactly("sts:GetCallerIdentity");
  }

  @Test
  void run_productionWithoutTerminalOrYes_refusesBeforeAws() {
    TestHost.Result r = run("-e", "moto-prod", "-n", "hello-world");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "environment moto-prod needs confirmation and there is no terminal to ask on — re-run with --yes");
    assertThat(env.moto.proxy.calls()).isEmpty();
  }

  @Test
  void run_productionConfirmedOnTerminal_runs() {
    TestHost.Result r =
        run(
            env.moto.host(env.project).interactive("moto-prod\n"),
            "-e",
            "moto-prod",
            "-n",
            "hello-world",
            "--no-wait");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Type \"moto-prod\" to confirm:");
  }

  @Test
  void run_productionNotConfirmed_runsNothing() {
    TestHost.Result r =
        run(
            env.moto.host(env.project).interactive("yes\n"),
            "-e",
            "moto-prod",
            "-n",
            "hello-world");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("not confirmed: nothing was run");
    assertThat(env.moto.proxy.operations()).containsExactly("sts:GetCallerIdentity");
  }

  @Test
  void run_productionWithYes_runsWithoutAsking() {
    TestHost.Result r = run("-e", "moto-prod", "-n", "hello-world", "--no-wait", "--yes");

    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @Test
  void run_dryRun_printsDefinitionAndRequestAndCallsNothing() {
    TestHost.Result r =
        run(
            "-e",
            "moto",
            "-n",
            "import-users",
            "--dry-run",
            "--",
            "--api-token",
            "s3cr3t",
            "users.csv");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("\"family\" : \"runtask-test\"")
        .contains("\"clientToken\" : \"<generated once per run>\"")
        .contains("\"import-users\", \"--api-token\", \"****\", \"users.csv\"");
    assertThat(r.out()).doesNotContain("s3cr3t");
    assertThat(env.moto.proxy.calls()).isEmpty();
  }

  @Test
  void run_keyWithoutSecret_exits2() {
    TestHost.Result r =
        env.moto
            .host(env.project)
            .run(
                "run",
                "-e",
                "moto",
                "-n",
                "hello-world",
                "-k",
                "AKIA",
                "--endpoint-url",
                env.moto.proxy.endpoint().toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("-k/--access-key-id and -s/--secret-access-key go together");
    assertThat(env.moto.proxy.calls()).isEmpty();
  }

  @Test
  void run_badInputWithOutputJson_printsErrorObject() throws Exception {
    TestHost.Result r = run("-e", "moto", "-n", "helo-world", "--output", "json");

    assertThat(r.exitCode()).isEqualTo(2);
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertThat(json.path("exitCode").asInt()).isEqualTo(2);
    assertThat(json.path("explanation").asText()).startsWith("unknown task \"helo-world\"");
  }

  @Test
  void unknownCommand_suggestsClosest() {
    TestHost.Result r = env.moto.host(env.project).run("rnu");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("Unmatched argument at index 0: 'rnu'")
        .contains("did you mean \"run\"?");
  }
}
