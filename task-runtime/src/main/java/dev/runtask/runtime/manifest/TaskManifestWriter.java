package dev.runtask.runtime.manifest;

import dev.runtask.contract.ManifestJson;
import dev.runtask.contract.Secrets;
import dev.runtask.contract.TaskManifest;
import dev.runtask.runtime.dispatch.ReflectiveAgreement;
import dev.runtask.runtime.dispatch.TaskCommands;
import dev.runtask.runtime.index.TaskEntry;
import dev.runtask.runtime.index.TaskIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Build step: writes the task manifest (docs/CONTRACTS.md) from the compiled task index and each
 * task's picocli model, so the launcher parses a run's arguments with the options the runtime
 * parses. A task using a picocli feature the index (and so the manifest) cannot describe has
 * already failed the build in {@code TaskIndexProcessor}; here each task's command is also checked
 * against picocli's own reading of its annotations.
 */
public final class TaskManifestWriter {
  private TaskManifestWriter() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: TaskManifestWriter OUTPUT_FILE");
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    TaskIndex.requireCompiledIndexCurrent(loader);
    TaskIndex index = TaskIndex.load(loader);
    Path output = Path.of(args[0]);
    Files.createDirectories(output.getParent());
    Files.writeString(output, ManifestJson.write(manifestOf(index)));
  }

  /** The manifest of every task in {@code index}; throws when one cannot be described. */
  public static TaskManifest manifestOf(TaskIndex index) {
    List<TaskManifest.TaskSpec> tasks = new ArrayList<>();
    for (TaskEntry entry : index.entries()) {
      tasks.add(describe(entry));
    }
    return new TaskManifest(tasks);
  }

  /** One task's entry; throws when the task uses what the launcher could not check the same way. */
  static TaskManifest.TaskSpec describe(TaskEntry entry) {
    CommandSpec spec;
    try {
      spec = TaskCommands.commandLine(entry, TaskCommands.instantiate(entry)).getCommandSpec();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create task " + entry.name() + ": " + e, e);
    }
    requireAgreement(entry);
    List<TaskManifest.OptionSpec> options = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      if (option.usageHelp() || option.versionHelp()) {
        continue;
      }
      options.add(
          new TaskManifest.OptionSpec(
              List.of(option.names()),
              value(option),
              option.negatable(),
              Arrays.stream(option.names()).anyMatch(Secrets::looksSecret)));
    }
    List<TaskManifest.PositionalSpec> positionals = new ArrayList<>();
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      positionals.add(
          new TaskManifest.PositionalSpec(positional.index().toString(), value(positional)));
    }
    return new TaskManifest.TaskSpec(
        entry.name(), entry.description(), entry.singleInstance(), options, positionals);
  }

  /**
   * Fails the build when the command tasks.jar builds from the index is not the one picocli makes
   * of the task's annotations, so a gap in the index shows here rather than as an option that
   * parses differently on ECS.
   */
  private static void requireAgreement(TaskEntry entry) {
    List<String> differences = ReflectiveAgreement.differences(entry);
    if (!differences.isEmpty()) {
      throw new IllegalStateException(
          "task "
              + entry.name()
              + " ("
              + entry.className()
              + "): the command built from the task index differs from picocli's reading of"
              + " the task's annotations (a bug in the task index):\n  "
              + String.join("\n  ", differences));
    }
  }

  private static TaskManifest.ValueSpec value(ArgSpec arg) {
    Class<?> elementType = arg.isMultiValue() ? arg.auxiliaryTypes()[0] : arg.type();
    return new TaskManifest.ValueSpec(
        arg.type().getName(),
        arg.isMultiValue()
            ? Arrays.stream(arg.auxiliaryTypes()).map(Class::getName).toList()
            : List.of(),
        arg.arity().toString(),
        arg.arity().isUnspecified(),
        arg.required(),
        arg.defaultValue(),
        arg.paramLabel(),
        String.join(" ", arg.description()),
        enumValues(elementType),
        arg.splitRegex().isEmpty() ? null : arg.splitRegex(),
        arg.converters() != null && arg.converters().length > 0);
  }

  /** An enum's constants as picocli matches them (name, or toString when it differs). */
  private static List<String> enumValues(Class<?> type) {
    if (!type.isEnum()) {
      return List.of();
    }
    Set<String> values = new LinkedHashSet<>();
    for (Object constant : type.getEnumConstants()) {
      values.add(((Enum<?>) constant).name());
      values.add(constant.toString());
    }
    return List.copyOf(values);
  }
}
