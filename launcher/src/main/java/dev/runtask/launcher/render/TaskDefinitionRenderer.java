package dev.runtask.launcher.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.launcher.config.Environment;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.config.TaskOverrides;
import dev.runtask.launcher.exit.LauncherException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * Environment task definition + per-task overrides → the definition to register. Without overrides
 * it is task-definition.json as written, placeholders filled in: nothing is added, so aws-cli or
 * ecspresso register the same definition from the same file. A task with overrides gets its own
 * family ({@code <family>-<task>}), so tasks with different sizes do not keep replacing each
 * other's latest revision (which would defeat register-only-when-changed).
 */
public final class TaskDefinitionRenderer {
  private TaskDefinitionRenderer() {}

  public static RenderedDefinition render(
      Environment environment, String task, TaskOverrides overrides, String file) {
    ObjectNode json = environment.taskDefinition().deepCopy();
    EnvironmentConfig config = environment.config();
    String family = json.path("family").asText("");
    if (family.isEmpty()) {
      throw LauncherException.badInput(file + ": \"family\" is missing");
    }
    ObjectNode container = container(json, config.containerName(), file);
    if (task != null && !overrides.isEmpty()) {
      json.put("family", family + "-" + task);
      applyOverrides(json, container, overrides);
    }
    if (onFargate(json, config)) {
      boolean sized = overrides.cpu() != null || overrides.memory() != null;
      FargateSizes.check(
          json, sized && task != null ? file + " with tasks/" + task + ".json" : file);
    }
    RegisterTaskDefinitionRequest request =
        SdkJson.fromTree(json, RegisterTaskDefinitionRequest.builder(), file);
    return new RenderedDefinition(json, request, container.path("name").asText());
  }

  /**
   * The definition asks for Fargate, or the environment launches on it (launchType FARGATE, or a
   * FARGATE / FARGATE_SPOT capacity provider strategy, the launcher's only alternative).
   */
  private static boolean onFargate(ObjectNode json, EnvironmentConfig config) {
    for (JsonNode c : json.path("requiresCompatibilities")) {
      if ("FARGATE".equals(c.asText())) {
        return true;
      }
    }
    return !config.runsLocally()
        && (config.launchType() == null || "FARGATE".equals(config.launchType()));
  }

  private static ObjectNode container(ObjectNode json, String name, String file) {
    JsonNode containers = json.path("containerDefinitions");
    if (!containers.isArray() || containers.isEmpty()) {
      throw LauncherException.badInput(
          file + ": \"containerDefinitions\" must list at least one container");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode c : containers) {
      if (name == null || name.equals(c.path("name").asText())) {
        return (ObjectNode) c;
      }
      names.add(c.path("name").asText());
    }
    throw LauncherException.badInput(
        file
            + ": no container named \""
            + name
            + "\" (containerName in environment.json;"
            + " found: "
            + String.join(", ", names)
            + ")");
  }

  private static void applyOverrides(
      ObjectNode json, ObjectNode container, TaskOverrides overrides) {
    if (overrides.cpu() != null) {
      json.put("cpu", overrides.cpu());
    }
    if (overrides.memory() != null) {
      json.put("memory", overrides.memory());
      if (container.has("memory")) {
        // A container limit above the task's would be rejected; below it would waste the override.
        container.put("memory", Integer.parseInt(overrides.memory()));
      }
    }
    if (!overrides.environment().isEmpty()) {
      ArrayNode env =
          container.has("environment")
              ? (ArrayNode) container.get("environment")
              : container.putArray("environment");
      for (Map.Entry<String, String> e : overrides.environment().entrySet()) {
        for (int i = env.size() - 1; i >= 0; i--) {
          if (e.getKey().equals(env.get(i).path("name").asText())) {
            env.remove(i);
          }
        }
        env.addObject().put("name", e.getKey()).put("value", e.getValue());
      }
    }
  }
}
