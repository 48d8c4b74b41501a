package dev.runtask.launcher.manifest;

import dev.runtask.contract.DidYouMean;
import dev.runtask.contract.Secrets;
import dev.runtask.contract.TaskManifest.OptionSpec;
import dev.runtask.contract.TaskManifest.PositionalSpec;
import dev.runtask.contract.TaskManifest.TaskSpec;
import dev.runtask.launcher.exit.LauncherException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a task's arguments against its manifest entry the way the runtime's parser will, so a typo
 * fails on the operator's machine in milliseconds instead of in a Fargate task minutes later.
 */
public final class ArgumentValidator {
  private ArgumentValidator() {}

  /** Returns the arguments unchanged plus a redacted copy for display; throws exit-2 errors. */
  public static ValidatedArgs validate(TaskSpec task, List<String> args) {
    return validate(task, args, List.of());
  }

  /**
   * As above; {@code launcherOptions} are the run command's own option names, so that a mistyped
   * launcher option that ended up among the task's arguments is named as such.
   */
  public static ValidatedArgs validate(
      TaskSpec task, List<String> args, List<String> launcherOptions) {
    List<String> shown = new ArrayList<>();
    List<String> positionals = new ArrayList<>();
    Set<OptionSpec> seen = new HashSet<>();
    boolean endOfOptions = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (endOfOptions || !arg.startsWith("-") || arg.equals("-") || isNegativeNumber(arg)) {
        positionals.add(arg);
        shown.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        endOfOptions = true;
        shown.add(arg);
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      OptionSpec option = find(task, name, launcherOptions);
      seen.add(option);
      if (option.isFlag()) {
        if (eq > 0 && !List.of("true", "false").contains(arg.substring(eq + 1))) {
          throw bad(task, "option " + name + " is a flag and takes no value (or =true/=false)");
        }
        shown.add(arg);
        continue;
      }
      String value;
      if (eq > 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw bad(task, "option " + name + " needs a value " + label(option));
      }
      checkType(task, name, option.value().type(), value);
      String display = option.secret() ? Secrets.MASK : value;
      if (eq > 0) {
        shown.add(name + "=" + display);
      } else {
        shown.add(name);
        shown.add(display);
      }
    }
    for (OptionSpec option : task.options()) {
      if (option.value().required() && !seen.contains(option)) {
        throw bad(task, "missing required option " + option.longestName() + " " + label(option));
      }
    }
    checkPositionals(task, positionals);
    return new ValidatedArgs(List.copyOf(args), List.copyOf(shown));
  }

  private static OptionSpec find(TaskSpec task, String name, List<String> launcherOptions) {
    for (OptionSpec option : task.options()) {
      if (option.names().contains(name)) {
        return option;
      }
    }
    List<String> names = task.options().stream().flatMap(o -> o.names().stream()).sorted().toList();
    String taskSuggestion = DidYouMean.suffix(name, names);
    String launcherSuggestion = DidYouMean.suffix(name, launcherOptions);
    if (taskSuggestion.isEmpty() && !launcherSuggestion.isEmpty()) {
      throw bad(
          task,
          "unknown option "
              + name
              + launcherSuggestion.replace("did you mean", "did you mean the launcher option")
              + " (launcher options go before --)");
    }
    throw bad(
        task,
        "unknown option "
            + name
            + taskSuggestion
            + (names.isEmpty()
                ? " (this task takes no options)"
                : " (options: " + String.join(", ", names) + ")"));
  }

  private static void checkPositionals(TaskSpec task, List<String> given) {
    List<PositionalSpec> specs = task.positionals();
    boolean unbounded =
        specs.stream().anyMatch(p -> p.value().arity().contains("*") || p.index().contains("*"));
    long required = specs.stream().filter(p -> p.value().required()).count();
    if (given.size() < required) {
      throw bad(task, "missing parameter " + specs.get(given.size()).value().paramLabel());
    }
    if (!unbounded && given.size() > specs.size()) {
      throw bad(
          task,
          "unexpected argument \""
              + given.get(specs.size())
              + "\""
              + (specs.isEmpty() ? " (this task takes no positional parameters)" : ""));
    }
    for (int i = 0; i < Math.min(given.size(), specs.size()); i++) {
      checkType(task, specs.get(i).value().paramLabel(), specs.get(i).value().type(), given.get(i));
    }
  }

  private static void checkType(TaskSpec task, String name, String type, String value) {
    if (type == null) {
      return;
    }
    try {
      switch (type) {
        case "int", "java.lang.Integer" -> Integer.parseInt(value);
        case "long", "java.lang.Long" -> Long.parseLong(value);
        case "double", "java.lang.Double" -> Double.parseDouble(value);
        case "java.time.LocalDate" -> java.time.LocalDate.parse(value);
        default -> {
          // Other types are parsed by the runtime; the launcher only checks what it can be sure of.
        }
      }
    } catch (RuntimeException e) {
      throw bad(task, name + ": \"" + value + "\" is not a valid " + simpleName(type));
    }
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  private static String label(OptionSpec option) {
    return option.value().paramLabel();
  }

  private static boolean isNegativeNumber(String arg) {
    return arg.matches("-\\d+(\\.\\d+)?");
  }

  private static LauncherException bad(TaskSpec task, String message) {
    return LauncherException.badInput("task " + task.name() + ": " + message);
  }

  /** The arguments to pass on, and the same with secret option values replaced for display. */
  public record ValidatedArgs(List<String> args, List<String> redacted) {}
}
