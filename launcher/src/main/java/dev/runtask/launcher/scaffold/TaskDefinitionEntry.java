package dev.runtask.launcher.scaffold;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.launcher.config.JsonFiles;
import java.nio.file.Path;

/**
 * A new task's entry for one environment, {@code task-definitions/<env>/tasks/<task>.json}, in the
 * form {@code config.TaskOverrides} reads: cpu and memory start at the environment's own size (so
 * the task runs as before until someone sizes it), and an empty map for extra environment
 * variables. An environment whose definition sets no size (local) gets only the environment map.
 */
final class TaskDefinitionEntry {
  /** Like the hand-written files: {@code "cpu": "256"}, two-space indent, {@code {}} when empty. */
  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter()
          .withSeparators(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator(""));

  private TaskDefinitionEntry() {}

  /** The entry's JSON text for the environment in {@code envDir}. */
  static String forEnvironment(Path envDir, ProjectLayout layout) {
    JsonNode definition = JsonFiles.read(envDir.resolve("task-definition.json"), layout.root());
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    for (String key : new String[] {"cpu", "memory"}) {
      JsonNode value = definition.get(key);
      if (value != null && value.isValueNode() && !value.asText().isEmpty()) {
        entry.put(key, value.asText());
      }
    }
    entry.putObject("environment");
    try {
      return JsonFiles.MAPPER.writer(PRINTER).writeValueAsString(entry) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree always serialises", e);
    }
  }
}
