package dev.runtask.runtime.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.runtime.dispatch.TaskCommands;
import dev.runtask.runtime.index.TaskEntry;
import dev.runtask.runtime.index.TaskIndex;
import dev.runtask.runtime.logging.SecretRedaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Build step: writes the task manifest (docs/CONTRACTS.md) from the compiled task index and each
 * task's picocli model, so the launcher validates a run with the same options the runtime parses.
 */
public final class TaskManifestWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TaskManifestWriter() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: TaskManifestWriter OUTPUT_FILE");
    }
    TaskIndex index = TaskIndex.load(Thread.currentThread().getContextClassLoader());
    Path output = Path.of(args[0]);
    Files.createDirectories(output.getParent());
    Files.writeString(output, JSON.writeValueAsString(manifest(index)) + "\n");
  }

  /** The manifest of every task in {@code index}. */
  public static ObjectNode manifest(TaskIndex index) throws ReflectiveOperationException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode tasks = root.putArray("tasks");
    for (TaskEntry entry : index.entries()) {
      tasks.add(task(entry));
    }
    return root;
  }

  private static ObjectNode task(TaskEntry entry) throws ReflectiveOperationException {
    CommandSpec spec =
        TaskCommands.commandLine(entry, TaskCommands.instantiate(entry)).getCommandSpec();
    ObjectNode task =
        JSON.createObjectNode()
            .put("name", entry.name())
            .put("description", entry.description())
            .put("singleInstance", entry.singleInstance());
    ArrayNode options = task.putArray("options");
    for (OptionSpec option : spec.options()) {
      if (option.usageHelp() || option.versionHelp()) {
        continue;
      }
      ObjectNode node = options.addObject();
      ArrayNode names = node.putArray("names");
      Arrays.stream(option.names()).forEach(names::add);
      describe(node, option);
      node.put("secret", Arrays.stream(option.names()).anyMatch(SecretRedaction::looksSecret));
    }
    ArrayNode positionals = task.putArray("positionals");
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      ObjectNode node = positionals.addObject().put("index", positional.index().toString());
      describe(node, positional);
    }
    return task;
  }

  private static void describe(ObjectNode node, CommandLine.Model.ArgSpec arg) {
    node.put("type", arg.type().getName())
        .put("arity", arg.arity().toString())
        .put("required", arg.required())
        .put("paramLabel", arg.paramLabel())
        .put("description", String.join(" ", arg.description()));
    if (arg.defaultValue() != null) {
      node.put("defaultValue", arg.defaultValue());
    }
  }
}
