package dev.runtask.runtime.dispatch;

import dev.runtask.contract.ParserRules;
import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.index.TaskEntry;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds the picocli command of a task from its index entry: the one way tasks.jar (and the
 * manifest build step) makes a task's command. The entry was written at compile time from the
 * task's annotations, so nothing here reads an annotation.
 */
public final class TaskCommands {
  private TaskCommands() {}

  /** A new, unconfigured instance of the task class (one per execution). */
  public static RunnableTask instantiate(TaskEntry entry) throws ReflectiveOperationException {
    Class<?> type =
        Class.forName(entry.className(), true, Thread.currentThread().getContextClassLoader());
    return (RunnableTask) type.getConstructor().newInstance();
  }

  /** The command whose parsing fills {@code task}'s option fields. */
  public static CommandLine commandLine(TaskEntry entry, RunnableTask task) {
    PicocliFactory factory = new PicocliFactory();
    CommandSpec spec = CommandSpec.wrapWithoutInspection(task, factory);
    new IndexedArguments(task.getClass().getClassLoader(), factory)
        .addTo(spec, task, entry.members());
    return asTask(entry, spec, factory);
  }

  /** What every task's command has beyond its own arguments: name, description, help, rules. */
  static CommandLine asTask(TaskEntry entry, CommandSpec spec, CommandLine.IFactory factory) {
    spec.name(entry.name());
    // picocli formats descriptions with String.format: a literal % must not be read as a
    // conversion.
    spec.usageMessage().description(entry.description().replace("%", "%%"));
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help and exit.")
            .build());
    CommandLine commandLine = new CommandLine(spec, factory);
    commandLine.setCaseInsensitiveEnumValuesAllowed(ParserRules.CASE_INSENSITIVE_ENUM_VALUES);
    commandLine.setExpandAtFiles(ParserRules.EXPAND_AT_FILES);
    return commandLine;
  }
}
