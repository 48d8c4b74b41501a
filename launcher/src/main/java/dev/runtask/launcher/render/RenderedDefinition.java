package dev.runtask.launcher.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * A task definition ready to register: the JSON as shown to the operator and the SDK request built
 * from it.
 */
public record RenderedDefinition(
    ObjectNode json, RegisterTaskDefinitionRequest request, String containerName) {
  public String family() {
    return request.family();
  }
}
