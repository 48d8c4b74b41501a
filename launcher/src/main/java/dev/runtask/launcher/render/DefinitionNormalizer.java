package dev.runtask.launcher.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * Puts a local and a registered definition in one canonical form so that only real changes count:
 * only fields a register request can carry (tags excepted — DescribeTaskDefinition omits them), ECS
 * defaults filled in, empty values dropped, name-keyed lists sorted, numbers as strings.
 */
public final class DefinitionNormalizer {
  private static final Set<String> REQUEST_FIELDS =
      RegisterTaskDefinitionRequest.builder().sdkFields().stream()
          .map(SdkField::locationName)
          .filter(n -> !"tags".equals(n))
          .collect(Collectors.toUnmodifiableSet());
  private static final Set<String> SORT_BY_NAME =
      Set.of("environment", "secrets", "volumes", "ulimits", "systemControls");

  private DefinitionNormalizer() {}

  public static ObjectNode normalize(JsonNode definition) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    definition
        .properties()
        .iterator()
        .forEachRemaining(
            e -> {
              if (REQUEST_FIELDS.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue().deepCopy());
              }
            });
    for (String key : List.of("cpu", "memory")) {
      if (out.has(key)) {
        out.put(key, out.get(key).asText());
      }
    }
    if (out.path("requiresCompatibilities").isArray()) {
      sortArray((ArrayNode) out.get("requiresCompatibilities"), JsonNode::asText);
    }
    for (JsonNode container : out.path("containerDefinitions")) {
      normalizeContainer((ObjectNode) container, out.path("networkMode").asText());
    }
    sortNamed(out);
    return (ObjectNode) prune(out);
  }

  private static void normalizeContainer(ObjectNode c, String networkMode) {
    if (!c.has("essential")) {
      c.put("essential", true);
    }
    if (c.path("cpu").asInt(-1) == 0) {
      c.remove("cpu");
    }
    for (JsonNode mapping : c.path("portMappings")) {
      ObjectNode m = (ObjectNode) mapping;
      if (!m.has("protocol")) {
        m.put("protocol", "tcp");
      }
      if ("awsvpc".equals(networkMode) && !m.has("hostPort") && m.has("containerPort")) {
        m.set("hostPort", m.get("containerPort"));
      }
    }
  }

  private static void sortNamed(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object
          .properties()
          .iterator()
          .forEachRemaining(
              e -> {
                if (SORT_BY_NAME.contains(e.getKey()) && e.getValue().isArray()) {
                  sortArray((ArrayNode) e.getValue(), n -> n.path("name").asText());
                }
                sortNamed(e.getValue());
              });
    } else if (node instanceof ArrayNode array) {
      array.forEach(DefinitionNormalizer::sortNamed);
    }
  }

  private static void sortArray(
      ArrayNode array, java.util.function.Function<JsonNode, String> key) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    items.sort(Comparator.comparing(key));
    array.removeAll();
    items.forEach(array::add);
  }

  /** Drops nulls and empty lists/objects, which ECS treats the same as absent. */
  private static JsonNode prune(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = prune(e.getValue());
        if (v == null) {
          it.remove();
        } else {
          e.setValue(v);
        }
      }
      return object.isEmpty() ? null : object;
    }
    if (node instanceof ArrayNode array) {
      for (int i = array.size() - 1; i >= 0; i--) {
        JsonNode v = prune(array.get(i));
        if (v == null) {
          array.remove(i);
        } else {
          array.set(i, v);
        }
      }
      return array.isEmpty() ? null : array;
    }
    return node == null || node.isNull() ? null : node;
  }
}
