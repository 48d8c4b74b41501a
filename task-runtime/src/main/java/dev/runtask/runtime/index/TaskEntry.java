package dev.runtask.runtime.index;

import java.util.Objects;

/** One line of the task index: a task's name, its class and what {@code @Task} says about it. */
public record TaskEntry(String name, String className, boolean singleInstance, String description) {
  private static final String SEPARATOR = "\t";

  public TaskEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(description, "description");
  }

  /** Parses a line written by {@link #toIndexLine()}. */
  static TaskEntry parse(String line) {
    String[] parts = line.split(SEPARATOR, 4);
    if (parts.length != 4) {
      throw new IllegalStateException(
          "Corrupt task index line (expected 4 tab-separated fields): " + line);
    }
    return new TaskEntry(parts[0], parts[1], Boolean.parseBoolean(parts[2]), parts[3]);
  }

  /** The index line: name, class, singleInstance, description, tab-separated. */
  String toIndexLine() {
    return String.join(SEPARATOR, name, className, Boolean.toString(singleInstance), description);
  }
}
