package dev.runtask.launcher.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * A task definition ready to register: the JSON as shown to the operator and the SDK request built
 * from it.
 */
public record RenderedDefinition(
    ObjectNode json, RegisterTaskDefinitionRequest request, String containerName) {
  public RenderedDefinition {
    json = Objects.requireNonNull(json, "json").deepCopy();
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(containerName, "containerName");
  }

  public String family() {
    return request.family();
  }

  /** The definition of the container that runs the task (the renderer checked it exists). */
  public ObjectNode container() {
    for (JsonNode c : json.path("containerDefinitions")) {
      if (containerName.equals(c.path("name").asText())) {
        return (ObjectNode) c;
      }
    }
    throw new IllegalStateException(
        "no container " + containerName + " in the rendered definition");
  }
}
