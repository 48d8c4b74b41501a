package dev.runtask.launcher.aws;

import dev.runtask.contract.ExitCodes;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.explain.FailureExplainer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Builds and sends the RunTask request: command override as a JSON array, never through a shell.
 */
public final class TaskStarter {
  public static final String STARTED_BY = "runtask-launcher";
  private final EcsClient ecs;

  public TaskStarter(EcsClient ecs) {
    this.ecs = ecs;
  }

  /**
   * What to run: everything RunTask needs besides the environment's network and capacity settings.
   */
  public record Launch(
      String taskDefinition,
      String containerName,
      List<String> command,
      Map<String, String> environment,
      Map<String, String> tags,
      String clientToken) {
    public Launch {
      Objects.requireNonNull(taskDefinition, "taskDefinition");
      Objects.requireNonNull(containerName, "containerName");
      command = List.copyOf(command);
      environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
      tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
      Objects.requireNonNull(clientToken, "clientToken");
    }
  }

  public static RunTaskRequest request(EnvironmentConfig config, Launch launch) {
    RunTaskRequest.Builder b =
        RunTaskRequest.builder()
            .cluster(config.cluster())
            .taskDefinition(launch.taskDefinition())
            .count(1)
            .startedBy(STARTED_BY)
            .clientToken(launch.clientToken())
            .networkConfiguration(
                n ->
                    n.awsvpcConfiguration(
                        v ->
                            v.subnets(config.network().subnets())
                                .securityGroups(config.network().securityGroups())
                                .assignPublicIp(
                                    config.network().assignPublicIp()
                                        ? AssignPublicIp.ENABLED
                                        : AssignPublicIp.DISABLED)))
            .overrides(
                o ->
                    o.containerOverrides(
                        ContainerOverride.builder()
                            .name(launch.containerName())
                            .command(launch.command())
                            .environment(
                                launch.environment().entrySet().stream()
                                    .map(
                                        e ->
                                            KeyValuePair.builder()
                                                .name(e.getKey())
                                                .value(e.getValue())
                                                .build())
                                    .toList())
                            .build()))
            .tags(
                launch.tags().entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(tagValue(e.getValue())).build())
                    .toList());
    if (config.launchType() != null) {
      b.launchType(config.launchType());
    } else {
      b.capacityProviderStrategy(
          config.capacityProviderStrategy().stream()
              .map(
                  p ->
                      CapacityProviderStrategyItem.builder()
                          .capacityProvider(p.capacityProvider())
                          .weight(p.weight())
                          .base(p.base())
                          .build())
              .toList());
    }
    return b.build();
  }

  /** Starts the task; failures[] (nothing was started) become an exit-125 explanation. */
  public Task start(RunTaskRequest request) {
    RunTaskResponse response = ecs.runTask(request);
    if (response.hasFailures() && !response.failures().isEmpty()) {
      Failure f = response.failures().get(0);
      throw new LauncherException(
          ExitCodes.NEVER_RAN, FailureExplainer.explain(f.arn(), f.reason(), f.detail()));
    }
    if (!response.hasTasks() || response.tasks().isEmpty()) {
      throw new LauncherException(
          ExitCodes.NEVER_RAN,
          "RunTask returned neither a task nor a failure — check the cluster in the console");
    }
    return response.tasks().get(0);
  }

  /**
   * ECS tag values allow letters, digits, spaces and {@code _ . : / = + - @}, up to 256 characters.
   */
  static String tagValue(String value) {
    String cleaned = value.replaceAll("[^\\p{L}\\p{N} _.:/=+\\-@]", "_");
    return cleaned.length() > 256 ? cleaned.substring(0, 256) : cleaned;
  }
}
