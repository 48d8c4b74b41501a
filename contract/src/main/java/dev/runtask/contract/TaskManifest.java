package dev.runtask.contract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tasks of one build and their command-line options, as the runtime parses them: written by the
 * tasks build, read by the launcher to check a run before any AWS call. Its JSON form is {@link
 * ManifestJson}'s (docs/CONTRACTS.md).
 */
public record TaskManifest(List<TaskSpec> tasks) {
  public TaskManifest {
    tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
  }

  /** The task named {@code name}, if this build has it. */
  public Optional<TaskSpec> find(String name) {
    return tasks.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The task names, sorted. */
  public List<String> names() {
    return tasks.stream().map(TaskSpec::name).sorted().toList();
  }

  /** One task: its name, description, whether only one may run at a time, and its arguments. */
  public record TaskSpec(
      String name,
      String description,
      boolean singleInstance,
      List<OptionSpec> options,
      List<PositionalSpec> positionals) {
    public TaskSpec {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description of task " + name);
      options = List.copyOf(Objects.requireNonNull(options, "options of task " + name));
      positionals = List.copyOf(Objects.requireNonNull(positionals, "positionals of task " + name));
    }
  }

  /**
   * A named option such as {@code --name}. {@code negatable}: picocli also accepts {@code --no-x};
   * {@code secret}: its value is masked wherever arguments are shown ({@link Secrets}).
   */
  public record OptionSpec(List<String> names, ValueSpec value, boolean negatable, boolean secret) {
    public OptionSpec {
      names = List.copyOf(Objects.requireNonNull(names, "names"));
      if (names.isEmpty()) {
        throw new IllegalArgumentException("an option needs at least one name");
      }
      Objects.requireNonNull(value, "value of option " + names);
    }

    /** The longest name, e.g. {@code --batch-size} rather than {@code -b}. */
    public String longestName() {
      String longest = names.get(0);
      for (String name : names) {
        if (name.length() > longest.length()) {
          longest = name;
        }
      }
      return longest;
    }

    /** True for an option that takes no value ({@code arity} "0"), such as a boolean flag. */
    public boolean isFlag() {
      return value.arity().equals("0");
    }
  }

  /** A positional parameter; {@code index} may be a range such as "0..*". */
  public record PositionalSpec(String index, ValueSpec value) {
    public PositionalSpec {
      Objects.requireNonNull(index, "index");
      Objects.requireNonNull(value, "value of positional " + index);
    }
  }

  /**
   * What an option or positional takes, in picocli's terms.
   *
   * @param type the Java type name ({@code int}, {@code java.time.LocalDate}, {@code [I}, an enum)
   * @param auxiliaryTypes element types of a collection or map (empty otherwise)
   * @param arity picocli's arity, e.g. "1", "0", "0..1", "1..*"
   * @param arityInferred true when the task did not set the arity and picocli derived it from the
   *     type (a boolean derived arity 0 also accepts {@code --flag=true}; a declared one does not)
   * @param defaultValue the default as written in the task, or null
   * @param paramLabel the value's label in usage text, e.g. {@code <name>}
   * @param description the help text, or "" when there is none
   * @param values the accepted values when there is a fixed set (an enum's constants), else empty
   * @param split picocli's split regex for several values in one argument, or null
   * @param customConverter true when the task converts the value itself: only the runtime can check
   *     it
   */
  public record ValueSpec(
      String type,
      List<String> auxiliaryTypes,
      String arity,
      boolean arityInferred,
      boolean required,
      String defaultValue,
      String paramLabel,
      String description,
      List<String> values,
      String split,
      boolean customConverter) {
    public ValueSpec {
      Objects.requireNonNull(type, "type");
      auxiliaryTypes = List.copyOf(Objects.requireNonNull(auxiliaryTypes, "auxiliaryTypes"));
      Objects.requireNonNull(arity, "arity");
      Objects.requireNonNull(paramLabel, "paramLabel");
      Objects.requireNonNull(description, "description");
      values = List.copyOf(Objects.requireNonNull(values, "values"));
    }
  }
}
