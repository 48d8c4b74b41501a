package dev.runtask.launcher.manifest;

import dev.runtask.contract.DidYouMean;
import dev.runtask.contract.Secrets;
import dev.runtask.contract.TaskManifest.OptionSpec;
import dev.runtask.contract.TaskManifest.TaskSpec;
import dev.runtask.launcher.exit.LauncherException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A task's arguments, parsed the way the runtime will parse them (picocli, on the command rebuilt
 * from the manifest), so a typo fails here in milliseconds instead of in a Fargate task minutes
 * later. {@code redacted} is the same list with secret values masked, for anything shown; {@code
 * usageHelp} is the task's usage when the arguments ask for help.
 */
public record TaskArguments(List<String> args, List<String> redacted, Optional<String> usageHelp) {
  public TaskArguments {
    args = List.copyOf(Objects.requireNonNull(args, "args"));
    redacted = List.copyOf(Objects.requireNonNull(redacted, "redacted"));
    Objects.requireNonNull(usageHelp, "usageHelp");
  }

  /** No arguments at all (attach follows a task whose arguments were checked by its run). */
  public static TaskArguments none() {
    return new TaskArguments(List.of(), List.of(), Optional.empty());
  }

  /**
   * Parses {@code args} for {@code task}; bad ones are exit 2 with one line. {@code
   * launcherOptions} are the run command's own options, so that a mistyped launcher option that
   * ended up among the task's arguments is named as such.
   */
  public static TaskArguments check(
      TaskSpec task, List<String> args, Collection<String> launcherOptions) {
    CommandLine command = TaskCommand.of(task);
    try {
      ParseResult parsed = command.parseArgs(args.toArray(String[]::new));
      if (command.isUsageHelpRequested()) {
        return new TaskArguments(args, args, Optional.of(command.getUsageMessage(Ansi.OFF)));
      }
      return new TaskArguments(
          args, Secrets.redact(args, secretValues(task, parsed)), Optional.empty());
    } catch (ParameterException e) {
      throw LauncherException.badInput(
          "task " + task.name() + ": " + describe(e, command, task, launcherOptions));
    }
  }

  /** What the parser matched for the manifest's secret options: exactly the values to mask. */
  private static List<String> secretValues(TaskSpec task, ParseResult parsed) {
    Set<String> secret =
        task.options().stream()
            .filter(OptionSpec::secret)
            .map(OptionSpec::longestName)
            .collect(Collectors.toSet());
    return parsed.matchedOptions().stream()
        .filter(o -> o.arity().max() > 0 && secret.contains(o.longestName()))
        .flatMap(o -> o.originalStringValues().stream())
        .toList();
  }

  private static String describe(
      ParameterException e, CommandLine command, TaskSpec task, Collection<String> launcher) {
    // picocli may report a missing required option before an unknown one; the typo is the news.
    List<String> unmatched =
        e instanceof UnmatchedArgumentException u
            ? u.getUnmatched()
            : command.getUnmatchedArguments();
    if (unmatched.isEmpty()) {
      return e.getMessage();
    }
    String typed = unmatched.get(0);
    if (!typed.startsWith("-")) {
      return "unexpected argument \""
          + typed
          + "\""
          + (task.positionals().isEmpty() ? " (this task takes no positional parameters)" : "");
    }
    String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
    List<String> names = task.options().stream().flatMap(o -> o.names().stream()).sorted().toList();
    String forTask = DidYouMean.suffix(name, names);
    String forLauncher = DidYouMean.suffix(name, launcher);
    if (forTask.isEmpty() && !forLauncher.isEmpty()) {
      return "unknown option "
          + name
          + forLauncher.replace("did you mean", "did you mean the launcher option")
          + " (launcher options go before --)";
    }
    return "unknown option "
        + name
        + forTask
        + (names.isEmpty()
            ? " (this task takes no options)"
            : " (options: " + String.join(", ", names) + ")");
  }
}
