package dev.runtask.launcher.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.contract.EnvironmentVariables;
import dev.runtask.launcher.aws.TaskStarter;
import dev.runtask.launcher.config.JsonFiles;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.render.SdkJson;
import dev.runtask.launcher.run.RunPlan;
import dev.runtask.launcher.run.RunResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a plan asks of ECS: the RunTask launch, the container's image and log stream, the dry-run
 * print-out.
 */
final class RunRequests {
  private RunRequests() {}

  /**
   * One launch: environment variable and tags name who launched it; a fresh clientToken per run.
   */
  static TaskStarter.Launch launch(RunPlan plan, String taskDefinition, String launchedBy) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put(EnvironmentVariables.LAUNCHED_BY, launchedBy);
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("launched-by", launchedBy);
    tags.put("git-sha", plan.gitSha());
    tags.put("task", plan.task());
    return new TaskStarter.Launch(
        taskDefinition,
        plan.definition().containerName(),
        plan.command(),
        environment,
        tags,
        UUID.randomUUID().toString());
  }

  static String image(RunPlan plan) {
    return plan.definition().container().path("image").asText(null);
  }

  /**
   * Prints the definition and the RunTask request (secrets and the token as placeholders); calls
   * nothing.
   */
  static RunResult.DryRun dryRun(Host host, RunPlan plan) {
    TaskStarter.Launch launch = launch(plan, plan.definition().family(), "<STS caller ARN>");
    TaskStarter.Launch shown =
        new TaskStarter.Launch(
            launch.taskDefinition(),
            launch.containerName(),
            plan.redactedCommand(),
            launch.environment(),
            launch.tags(),
            "<generated once per run>");
    ObjectNode request = SdkJson.toTree(TaskStarter.request(plan.environment().config(), shown));
    if (!plan.options().json()) {
      host.terminal()
          .info(
              "# task definition (registered only if it differs from the latest revision of "
                  + plan.definition().family()
                  + ")");
      host.terminal().result(JsonFiles.pretty(plan.definition().json()));
      host.terminal().info("# RunTask request");
      host.terminal().result(JsonFiles.pretty(request));
      host.terminal().info("dry run: nothing was sent to AWS");
    }
    return new RunResult.DryRun(plan.definition().json(), request);
  }
}
