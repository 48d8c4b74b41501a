package dev.runtask.runtime.dispatch;

import dev.runtask.contract.DidYouMean;
import dev.runtask.contract.Secrets;
import dev.runtask.runtime.api.ExitCodes;
import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.index.TaskEntry;
import dev.runtask.runtime.index.TaskIndex;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns {@code TASK [options]} into a task instance with its options bound, or a one-line usage
 * error.
 */
public final class TaskDispatcher {
  private static final String PROGRAM = "tasks.jar";

  private final TaskIndex index;
  private final PrintStream out;
  private final PrintStream err;

  public TaskDispatcher(TaskIndex index, PrintStream out, PrintStream err) {
    this.index = index;
    this.out = out;
    this.err = err;
  }

  public Dispatch dispatch(List<String> args) {
    if (args.isEmpty()) {
      err.println(
          "No task given: expected "
              + PROGRAM
              + " TASK [options]; "
              + PROGRAM
              + " --help lists the tasks.");
      return new Dispatch.Answered(ExitCodes.USAGE);
    }
    String name = args.get(0);
    if (name.equals("--help") || name.equals("-h")) {
      new TaskList(index).print(out);
      return new Dispatch.Answered(ExitCodes.SUCCESS);
    }
    Optional<TaskEntry> entry = index.find(name);
    if (entry.isEmpty()) {
      err.println(unknownTask(name));
      return new Dispatch.Answered(ExitCodes.USAGE);
    }
    return bind(entry.get(), args.subList(1, args.size()));
  }

  private Dispatch bind(TaskEntry entry, List<String> taskArgs) {
    RunnableTask task;
    try {
      task = TaskCommands.instantiate(entry);
    } catch (ReflectiveOperationException | LinkageError e) {
      err.println(entry.name() + ": cannot create " + entry.className() + ": " + e);
      return new Dispatch.Answered(ExitCodes.FAILED);
    }
    CommandLine commandLine = TaskCommands.commandLine(entry, task);
    try {
      ParseResult parsed = commandLine.parseArgs(taskArgs.toArray(String[]::new));
      if (commandLine.isUsageHelpRequested()) {
        commandLine.usage(out);
        return new Dispatch.Answered(ExitCodes.SUCCESS);
      }
      return new Dispatch.Ready(
          entry, task, Secrets.redact(taskArgs, secretValues(parsed)), summary(parsed));
    } catch (ParameterException e) {
      err.println(
          entry.name()
              + ": "
              + describe(e, commandLine)
              + " (see: "
              + PROGRAM
              + " "
              + entry.name()
              + " --help)");
      return new Dispatch.Answered(ExitCodes.USAGE);
    }
  }

  private String unknownTask(String name) {
    List<String> candidates =
        DidYouMean.closest(name, index.entries().stream().map(TaskEntry::name).toList());
    String hint =
        candidates.isEmpty() ? "" : " Did you mean " + String.join(" or ", candidates) + "?";
    return "Unknown task '" + name + "'." + hint + " " + PROGRAM + " --help lists the tasks.";
  }

  static String describe(ParameterException e, CommandLine commandLine) {
    // picocli may report a missing required option before an unknown one; the typo is the real
    // news.
    List<String> unmatched =
        e instanceof UnmatchedArgumentException u
            ? u.getUnmatched()
            : commandLine.getUnmatchedArguments();
    if (unmatched.isEmpty()) {
      return e.getMessage();
    }
    String typed = unmatched.get(0);
    String optionName = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
    List<String> candidates =
        DidYouMean.closest(optionName, commandLine.getCommandSpec().optionsMap().keySet());
    String what =
        typed.startsWith("-")
            ? "Unknown option '" + optionName + "'."
            : "Unexpected argument '" + typed + "'.";
    return candidates.isEmpty()
        ? what
        : what + " Did you mean " + String.join(" or ", candidates) + "?";
  }

  /** "--name=world --api-token=****" from what was actually matched (defaults are not listed). */
  static String summary(ParseResult parsed) {
    return parsed.matchedArgs().stream().map(TaskDispatcher::show).collect(Collectors.joining(" "));
  }

  private static String show(ArgSpec arg) {
    // Through Object: getValue() is generic, and String.valueOf would otherwise pick
    // valueOf(char[]). Arrays as their elements ("[7, 8]"), not as "[I@1b6d3586".
    Object value = arg.getValue();
    String shown = Arrays.deepToString(new Object[] {value});
    shown = shown.substring(1, shown.length() - 1);
    if (arg instanceof OptionSpec option) {
      return option.longestName() + "=" + (isSecret(option) ? Secrets.MASK : shown);
    }
    return shown;
  }

  /** What the parser matched for secret-looking options, so exactly those values are masked. */
  static List<String> secretValues(ParseResult parsed) {
    return parsed.matchedOptions().stream()
        .filter(o -> o.arity().max() > 0 && isSecret(o))
        .flatMap(o -> o.originalStringValues().stream())
        .toList();
  }

  private static boolean isSecret(OptionSpec option) {
    return Arrays.stream(option.names()).anyMatch(Secrets::looksSecret);
  }
}
