package dev.runtask.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtask.launcher.support.MotoProject;
import dev.runtask.launcher.support.TestHost;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `launcher run` against moto: register-if-changed, RunTask request, wait, exit code. */
class EcsRunTest {
  @RegisterExtension final MotoProject env = new MotoProject();

  /** Each run on a fresh host, as an operator's separate invocations are. */
  private TestHost.Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("-e", "moto"));
    all.addAll(List.of(args));
    return env.runOn(env.moto.host(env.project), all.toArray(String[]::new));
  }

  @Test
  void run_firstTime_registersRunsWaitsAndExitsZero() {
    TestHost.Result r = run("-n", "hello-world", "--", "--name", "Ada");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .contains("registered task definition runtask-test:1")
        .contains("started arn:aws:ecs:us-east-1:123456789012:task/runtask-test/")
        .contains(
            "console: https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/runtask-test/tasks/")
        .contains("status: STOPPED");
    List<String> ops = env.moto.proxy.operations();
    assertThat(ops.get(0)).isEqualTo("sts:GetCallerIdentity");
    assertThat(ops.subList(1, 3))
        .containsExactlyInAnyOrder("ecr:DescribeImages", "ecs:DescribeTaskDefinition");
    assertThat(ops.subList(3, 5)).containsExactly("ecs:RegisterTaskDefinition", "ecs:RunTask");
    assertThat(env.moto.proxy.operations()).contains("ecs:DescribeTasks", "logs:GetLogEvents");
  }

  @Test
  void run_requestShape_hasCommandOverrideTagsNetworkAndLaunchedBy() {
    run("-n", "hello-world", "--no-wait", "--", "--name", "Ada Lovelace");

    JsonNode request = env.moto.proxy.calls("ecs:RunTask").get(0).body();
    JsonNode override = request.path("overrides").path("containerOverrides").get(0);
    assertThat(override.path("name").asText()).isEqualTo("task");
    assertThat(override.path("command"))
        .extracting(JsonNode::asText)
        .containsExactly("hello-world", "--name", "Ada Lovelace");
    assertThat(override.path("environment").get(0).path("name").asText())
        .isEqualTo("RUNTASK_LAUNCHED_BY");
    assertThat(override.path("environment").get(0).path("value").asText())
        .startsWith("arn:aws:sts::123456789012:");
    assertThat(request.path("launchType").asText()).isEqualTo("FARGATE");
    assertThat(request.path("startedBy").asText()).isEqualTo("runtask-launcher");
    assertThat(request.path("clientToken").asText()).isNotBlank();
    assertThat(
            request
                .path("networkConfiguration")
                .path("awsvpcConfiguration")
                .path("subnets")
                .get(0)
                .asText())
        .isEqualTo(env.moto.subnet);
    assertThat(request.path("tags").findValuesAsText("key"))
        .containsExactly("launched-by", "git-sha", "task");
    assertThat(request.path("tags").get(2).path("value").asText()).isEqualTo("hello-world");
  }

  @Test
  void run_secondTimeUnchanged_reusesLatestRevision() {
    run("-n", "hello-world", "--no-wait");

    TestHost.Result second = run("-n", "hello-world", "--no-wait");

    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.err())
        .contains("task definition runtask-test:1 is unchanged — not registering a new revision");
    assertThat(env.moto.proxy.operations())
        .filteredOn("ecs:RegisterTaskDefinition"::equals)
        .hasSize(1);
  }

  @Test
  void run_imageTagChanged_registersNewRevisionAndSaysWhatChanged() {
    run("-n", "hello-world", "--no-wait");
    env.moto.ecr.putImage(
        b ->
            b.repositoryName("runtask")
                .imageTag("def456")
                .imageManifest(
                    "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\",\"config\":{\"digest\":\"sha256:"
                        + "1".repeat(64)
                        + "\"},\"layers\":[]}"));

    TestHost.Result second = run("-n", "hello-world", "--no-wait", "--image-tag", "def456");

    assertThat(second.err())
        .contains(
            "registered task definition runtask-test:2 (1 change(s) from the latest revision)")
        .contains(
            "~ containerDefinitions[0].image: \"123456789012.dkr.ecr.us-east-1.amazonaws.com/runtask:abc123\" → "
                + "\"123456789012.dkr.ecr.us-east-1.amazonaws.com/runtask:def456\"");
  }

  @Test
  void run_taskWithOverrides_usesOwnFamilyWithOverriddenSize() {
    TestHost.Result r = run("-n", "sleep", "--no-wait", "--", "--seconds", "1");

    assertThat(r.err())
        .as(r.toString())
        .contains("registered task definition runtask-test-sleep:1");
    JsonNode registered = env.moto.proxy.calls("ecs:RegisterTaskDefinition").get(0).body();
    assertThat(registered.path("cpu").asText()).isEqualTo("512");
    assertThat(registered.path("memory").asText()).isEqualTo("1024");
    assertThat(
            registered
                .path("containerDefinitions")
                .get(0)
                .path("environment")
                .findValuesAsText("name"))
        .contains("RUNTASK_STOP_GRACE_SECONDS");
  }

  @Test
  void run_noWait_printsArnAndDoesNotWait() {
    TestHost.Result r = run("-n", "hello-world", "--no-wait");

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("started arn:aws:ecs:");
    assertThat(env.moto.proxy.operations()).doesNotContain("ecs:DescribeTasks");
  }

  @Test
  void run_imageNotPushed_exits125WithoutRunTask() {
    TestHost.Result r = run("-n", "hello-world", "--image-tag", "0123abc");

    assertThat(r.exitCode()).isEqualTo(125);
    assertThat(r.err())
        .contains("image runtask:0123abc is not in ECR — has CI pushed this commit?");
    assertThat(env.moto.proxy.operations())
        .doesNotContain("ecs:RunTask", "ecs:RegisterTaskDefinition");
  }

  @Test
  void run_credentialsFromEnvironmentVariables_areUsedWithoutOptions() {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "-e",
                "moto",
                "-n",
                "hello-world",
                "--no-wait",
                "--endpoint-url",
                env.moto.proxy.endpoint().toString()));

    TestHost.Result r =
        env.moto
            .host(env.project)
            .env("AWS_ACCESS_KEY_ID", "AKIAFROMENV")
            .env("AWS_SECRET_ACCESS_KEY", "env-secret")
            .run(args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out() + r.err()).doesNotContain("env-secret");
  }

  @Test
  void run_credentials_neverAppearInOutput() {
    TestHost.Result r = run("-n", "hello-world", "--output", "json");

    assertThat(Stream.of(r.out(), r.err())).noneMatch(s -> s.contains("test-secret-do-not-print"));
  }
}
