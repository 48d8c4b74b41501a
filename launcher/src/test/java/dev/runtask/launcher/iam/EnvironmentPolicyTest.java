package dev.runtask.launcher.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operator policy, filled in for each ECS environment under task-definitions/, allows the calls
 * a run of that environment makes on the resources its files name — and not on another cluster's.
 */
class EnvironmentPolicyTest {

  private static final Pattern ECR_IMAGE =
      Pattern.compile("(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/([^:@]+).*");
  private static final String ECS_TASKS = "ecs-tasks.amazonaws.com";

  /** One environment's names, as its environment.json and task-definition.json give them. */
  record Env(
      String name,
      String region,
      String account,
      String cluster,
      String logGroup,
      String streamPrefix,
      String containerName,
      List<String> families,
      JsonNode definition) {

    String arn(String service, String resource) {
      return "arn:aws:" + service + ":" + region + ":" + account + ":" + resource;
    }

    Map<String, String> onCluster() {
      return Map.of("ecs:cluster", arn("ecs", "cluster/" + cluster));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Env> ecsEnvironments() throws IOException {
    Path dir = PolicyDocument.repositoryRoot().resolve("task-definitions");
    ObjectMapper json = new ObjectMapper();
    List<Env> envs = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(dir)) {
      for (Path envDir : dirs.sorted().toList()) {
        Path envFile = envDir.resolve("environment.json");
        if (!Files.isRegularFile(envFile)
            || !"ecs".equals(json.readTree(envFile.toFile()).path("platform").asText())) {
          continue;
        }
        JsonNode env = json.readTree(envFile.toFile());
        JsonNode definition = json.readTree(envDir.resolve("task-definition.json").toFile());
        String family = definition.path("family").asText();
        List<String> families = new ArrayList<>(List.of(family));
        Path tasks = envDir.resolve("tasks");
        if (Files.isDirectory(tasks)) {
          try (Stream<Path> overrides = Files.list(tasks)) {
            overrides
                .map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".json"))
                .forEach(n -> families.add(family + "-" + n.substring(0, n.length() - 5)));
          }
        }
        envs.add(
            new Env(
                envDir.getFileName().toString(),
                env.path("region").asText(),
                env.path("accountId").asText(),
                env.path("cluster").asText(),
                awslogs(definition, env).path("awslogs-group").asText(),
                awslogs(definition, env).path("awslogs-stream-prefix").asText(),
                env.path("containerName").asText(),
                families,
                definition));
      }
    }
    assertThat(envs).as("ECS environments under %s", dir).isNotEmpty();
    return envs.stream();
  }

  /** The awslogs options of the environment's task container, as registered. */
  private static JsonNode awslogs(JsonNode definition, JsonNode env) {
    for (JsonNode container : definition.path("containerDefinitions")) {
      if (container.path("name").asText().equals(env.path("containerName").asText())) {
        return container.path("logConfiguration").path("options");
      }
    }
    throw new AssertionError("no container " + env.path("containerName") + " in " + definition);
  }

  private static PolicyDocument policyFor(Env env) {
    return PolicyDocument.load("operator-policy.json")
        .filled(
            Map.of("REGION", env.region(), "ACCOUNT_ID", env.account(), "ENVIRONMENT", env.name()));
  }

  @ParameterizedTest
  @MethodSource("ecsEnvironments")
  void filledPolicy_runOfThisEnvironment_isAllowed(Env env) {
    PolicyDocument policy = policyFor(env);
    String task = env.arn("ecs", "task/" + env.cluster() + "/0123456789abcdef0123456789abcdef");
    assertThat(policy.allows("sts:GetCallerIdentity", "*", Map.of())).isTrue();
    assertThat(policy.allows("ecs:DescribeTaskDefinition", "*", Map.of())).isTrue();
    assertThat(policy.allows("ecs:RegisterTaskDefinition", "*", Map.of())).isTrue();
    for (String family : env.families()) {
      String definition = env.arn("ecs", "task-definition/" + family + ":42");
      assertThat(policy.allows("ecs:RunTask", definition, env.onCluster()))
          .as("RunTask %s", family)
          .isTrue();
      assertThat(
              policy.allows(
                  "ecs:TagResource",
                  definition,
                  Map.of("ecs:CreateAction", "RegisterTaskDefinition")))
          .as("tag %s on register", family)
          .isTrue();
    }
    assertThat(policy.allows("ecs:TagResource", task, Map.of("ecs:CreateAction", "RunTask")))
        .isTrue();
    assertThat(policy.allows("ecs:DescribeTasks", task, env.onCluster())).isTrue();
    assertThat(policy.allows("ecs:StopTask", task, env.onCluster())).isTrue();
    String stream =
        env.streamPrefix() + "/" + env.containerName() + "/0123456789abcdef0123456789abcdef";
    assertThat(
            policy.allows(
                "logs:GetLogEvents",
                env.arn("logs", "log-group:" + env.logGroup() + ":log-stream:" + stream),
                Map.of()))
        .as("GetLogEvents on %s", env.logGroup())
        .isTrue();
  }

  @ParameterizedTest
  @MethodSource("ecsEnvironments")
  void filledPolicy_imageRepositoryAndRolesOfTheDefinition_areAllowed(Env env) {
    PolicyDocument policy = policyFor(env);
    for (JsonNode container : env.definition().path("containerDefinitions")) {
      Matcher image = ECR_IMAGE.matcher(container.path("image").asText());
      assertThat(image.matches())
          .as("%s: image %s is an ECR image", env, container.path("image"))
          .isTrue();
      String repository =
          "arn:aws:ecr:" + image.group(2) + ":" + image.group(1) + ":repository/" + image.group(3);
      assertThat(policy.allows("ecr:DescribeImages", repository, Map.of())).as(repository).isTrue();
    }
    for (String field : List.of("taskRoleArn", "executionRoleArn")) {
      String role = env.definition().path(field).asText();
      assertThat(role).as("%s: %s", env, field).isNotEmpty();
      assertThat(policy.allows("iam:PassRole", role, Map.of("iam:PassedToService", ECS_TASKS)))
          .as(role)
          .isTrue();
      assertThat(
              policy.allows(
                  "iam:PassRole", role, Map.of("iam:PassedToService", "lambda.amazonaws.com")))
          .as("%s passed to another service", role)
          .isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("ecsEnvironments")
  void filledPolicy_otherClustersFamiliesAndRoles_areDenied(Env env) {
    PolicyDocument policy = policyFor(env);
    String definition = env.arn("ecs", "task-definition/" + env.families().get(0) + ":1");
    Map<String, String> otherCluster =
        Map.of("ecs:cluster", env.arn("ecs", "cluster/" + env.cluster() + "-other"));
    assertThat(policy.allows("ecs:RunTask", definition, otherCluster)).isFalse();
    assertThat(policy.allows("ecs:RunTask", definition, Map.of())).isFalse();
    assertThat(
            policy.allows(
                "ecs:RunTask", env.arn("ecs", "task-definition/billing-batch:1"), env.onCluster()))
        .isFalse();
    assertThat(
            policy.allows(
                "ecs:StopTask",
                env.arn("ecs", "task/payments/0123"),
                Map.of("ecs:cluster", env.arn("ecs", "cluster/payments"))))
        .isFalse();
    assertThat(policy.allows("ecs:TagResource", definition, Map.of()))
        .as("tagging outside creation")
        .isFalse();
    assertThat(
            policy.allows(
                "iam:PassRole",
                "arn:aws:iam::" + env.account() + ":role/admin",
                Map.of("iam:PassedToService", ECS_TASKS)))
        .isFalse();
    assertThat(
            policy.allows(
                "logs:GetLogEvents",
                env.arn("logs", "log-group:/aws/lambda/payments:log-stream:x"),
                Map.of()))
        .isFalse();
  }
}
