package dev.runtask.launcher.manifest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.runtask.launcher.exit.LauncherException;
import java.util.List;

/**
 * The tasks in the commit the launcher was built from, as written by the tasks build
 * (docs/CONTRACTS.md).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskManifest(List<TaskSpec> tasks) {

  /** One task: its name, description and command-line options. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TaskSpec(
      String name,
      String description,
      boolean singleInstance,
      List<OptionSpec> options,
      List<PositionalSpec> positionals) {
    public List<OptionSpec> optionsOrEmpty() {
      return options == null ? List.of() : options;
    }

    public List<PositionalSpec> positionalsOrEmpty() {
      return positionals == null ? List.of() : positionals;
    }
  }

  /** A named option such as {@code --name}; arity "0" marks a boolean flag. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OptionSpec(
      List<String> names,
      String type,
      String arity,
      boolean required,
      String defaultValue,
      String paramLabel,
      String description,
      boolean secret) {
    public boolean isFlag() {
      return "0".equals(arity)
          || (arity == null && ("boolean".equals(type) || "java.lang.Boolean".equals(type)));
    }

    public String longestName() {
      return names.stream().max(java.util.Comparator.comparingInt(String::length)).orElse("?");
    }
  }

  /** A positional parameter; index may be a range such as "0..*". */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PositionalSpec(
      String index,
      String type,
      String arity,
      boolean required,
      String paramLabel,
      String description) {}

  public List<TaskSpec> tasksOrEmpty() {
    return tasks == null ? List.of() : tasks;
  }

  public TaskSpec task(String name) {
    return tasksOrEmpty().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> {
              List<String> names = tasksOrEmpty().stream().map(TaskSpec::name).sorted().toList();
              return LauncherException.badInput(
                  "unknown task \""
                      + name
                      + "\""
                      + Suggestions.didYouMean(name, names)
                      + " (known: "
                      + String.join(", ", names)
                      + "; see `launcher tasks`)");
            });
  }
}
