package dev.runtask.launcher.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.contract.TaskManifest;
import dev.runtask.launcher.explain.Outcome;
import dev.runtask.launcher.explain.StopExplainer;
import dev.runtask.launcher.explain.StopFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * One task the launcher started, as {@code ps} shows it: what runs (secrets masked), who launched
 * it, where it is and, once stopped, its exit code and the one-line cause {@code run} would give.
 *
 * @param runId and {@code shard} are null for a task that is not part of a fan-out
 * @param exitCode the container's exit code; null while running or when it never ran
 * @param cause null while running and for a clean exit 0
 */
public record LaunchedTask(
    String taskId,
    String taskArn,
    String task,
    List<String> args,
    String launchedBy,
    String runId,
    String shard,
    String status,
    Instant startedAt,
    Instant stoppedAt,
    Integer exitCode,
    String cause) {
  public LaunchedTask {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(taskArn, "taskArn");
    Objects.requireNonNull(task, "task");
    args = List.copyOf(args);
    Objects.requireNonNull(status, "status");
  }

  /** The view of {@code task}; {@code manifest} tells which arguments are secrets. */
  public static LaunchedTask of(Task task, TaskManifest manifest, String environment) {
    Map<String, String> tags =
        task.hasTags()
            ? task.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> a))
            : Map.of();
    ContainerOverride override =
        task.overrides() != null
                && task.overrides().hasContainerOverrides()
                && !task.overrides().containerOverrides().isEmpty()
            ? task.overrides().containerOverrides().get(0)
            : null;
    List<String> command =
        override != null && override.hasCommand() ? override.command() : List.of();
    String name = tags.getOrDefault("task", command.isEmpty() ? "?" : command.get(0)).strip();
    List<String> args = command.size() > 1 ? command.subList(1, command.size()) : List.of();
    Container container = container(task, override);
    Integer exitCode = container == null ? null : container.exitCode();
    String status = task.lastStatus() == null ? "UNKNOWN" : task.lastStatus();
    String cause = null;
    if ("STOPPED".equals(status)) {
      Outcome outcome =
          StopExplainer.explain(
              new StopFacts(
                  task.stopCodeAsString(),
                  task.stoppedReason(),
                  exitCode,
                  container == null ? null : container.reason()),
              "task-definitions/" + environment + "/tasks/" + name + ".json");
      cause = outcome.explanation();
    }
    return new LaunchedTask(
        taskId(task.taskArn()),
        task.taskArn(),
        name,
        ArgumentMask.redact(manifest, name, args),
        shortPrincipal(tags.get("launched-by")),
        tags.get("run-id"),
        tags.get("shard"),
        status,
        task.startedAt() != null ? task.startedAt() : task.createdAt(),
        task.stoppedAt(),
        exitCode,
        cause);
  }

  /** How long it ran: until it stopped, or until {@code now} while it runs. */
  public Duration duration(Instant now) {
    if (startedAt == null) {
      return null;
    }
    Instant end = stoppedAt != null ? stoppedAt : now;
    return end.isBefore(startedAt) ? Duration.ZERO : Duration.between(startedAt, end);
  }

  /** The {@code ps --output json} element. */
  public ObjectNode json(Instant now) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("taskId", taskId);
    json.put("taskArn", taskArn);
    json.put("task", task);
    args.forEach(json.putArray("args")::add);
    put(json, "launchedBy", launchedBy);
    put(json, "runId", runId);
    put(json, "shard", shard);
    json.put("status", status);
    put(json, "startedAt", startedAt == null ? null : startedAt.toString());
    put(json, "stoppedAt", stoppedAt == null ? null : stoppedAt.toString());
    Duration duration = duration(now);
    if (duration != null) {
      json.put("durationSeconds", duration.toSeconds());
    }
    if (exitCode != null) {
      json.put("exitCode", exitCode);
    }
    put(json, "cause", cause);
    return json;
  }

  static String taskId(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  /** {@code arn:aws:sts::123456789012:assumed-role/Operator/alice} → {@code Operator/alice}. */
  static String shortPrincipal(String arn) {
    if (arn == null || arn.isBlank()) {
      return null;
    }
    String resource = arn.substring(arn.lastIndexOf(':') + 1);
    for (String prefix : List.of("assumed-role/", "user/", "federated-user/")) {
      if (resource.startsWith(prefix)) {
        return resource.substring(prefix.length());
      }
    }
    return resource;
  }

  private static Container container(Task task, ContainerOverride override) {
    if (!task.hasContainers() || task.containers().isEmpty()) {
      return null;
    }
    return task.containers().stream()
        .filter(c -> override != null && Objects.equals(override.name(), c.name()))
        .findFirst()
        .orElse(task.containers().get(0));
  }

  private static void put(ObjectNode json, String key, String value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
