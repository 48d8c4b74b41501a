package dev.runtask.runtime.manifest;

import dev.runtask.contract.ManifestJson;
import dev.runtask.contract.Secrets;
import dev.runtask.contract.TaskManifest;
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
 * parses. A task using a picocli feature the manifest cannot describe fails the build here.
 */
public final class TaskManifestWriter {
  private TaskManifestWriter() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: TaskManifestWriter OUTPUT_FILE");
    }
    TaskIndex index = TaskIndex.load(Thread.currentThread().getContextClassLoader());
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
    refuseUnsupported(entry, spec);
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

  private static void refuseUnsupported(TaskEntry entry, CommandSpec spec) {
    List<String> problems = new ArrayList<>();
    if (!spec.argGroups().isEmpty()) {
      problems.add("@ArgGroup");
    }
    if (!spec.subcommands().isEmpty()) {
      problems.add("subcommands");
    }
    for (ArgSpec arg : spec.args()) {
      if (arg.interactive()) {
        problems.add("interactive " + label(arg));
      }
      if (arg.parameterConsumer() != null) {
        problems.add("a parameterConsumer on " + label(arg));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "task "
              + entry.name()
              + " ("
              + entry.className()
              + ") uses "
              + String.join(", ", problems)
              + ": the task manifest cannot describe that, so the launcher would check its"
              + " arguments differently from the runtime");
    }
  }

  private static String label(ArgSpec arg) {
    return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
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
