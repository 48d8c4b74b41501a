package dev.runtask.launcher.scaffold;

import dev.runtask.launcher.exit.LauncherException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/**
 * A new task's kebab-case name and the Java names derived from it: {@code backfill-orders} →
 * package {@code dev.runtask.tasks.backfillorders}, classes {@code BackfillOrdersTask}, {@code
 * BackfillOrders} (usecase), {@code BackfillOrdersRepository}, {@code BackfillOrdersTaskTest}.
 */
public final class TaskName {
  /** The runtime's own rule (TaskIndexProcessor.KEBAB_CASE). */
  private static final Pattern KEBAB_CASE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  /** Keeps the per-task ECS family ({@code runtask-production-<task>}) and log streams readable. */
  static final int MAX_LENGTH = 60;

  static final String BASE_PACKAGE = "dev.runtask.tasks";

  private final String name;
  private final String base;
  private final String packageSegment;

  private TaskName(String name, String base, String packageSegment) {
    this.name = name;
    this.base = base;
    this.packageSegment = packageSegment;
  }

  /** Validates {@code name}; a bad one is exit 2 with one line saying what is expected. */
  public static TaskName parse(String name) {
    if (name == null || !KEBAB_CASE.matcher(name).matches()) {
      throw LauncherException.badInput(
          "invalid task name \""
              + name
              + "\": use kebab-case (lower-case words of"
              + " letters and digits joined by single hyphens, starting with a letter), e.g. backfill-orders");
    }
    if (name.length() > MAX_LENGTH) {
      throw LauncherException.badInput(
          "invalid task name \""
              + name
              + "\": "
              + name.length()
              + " characters, at most "
              + MAX_LENGTH
              + " allowed");
    }
    List<String> words = Arrays.asList(name.split("-"));
    // Every task class already ends in Task: "cleanup-task" becomes CleanupTask, not
    // CleanupTaskTask.
    List<String> baseWords =
        words.size() > 1 && words.get(words.size() - 1).equals("task")
            ? words.subList(0, words.size() - 1)
            : words;
    if (baseWords.equals(List.of("task"))) {
      throw LauncherException.badInput(
          "invalid task name \"task\": say what the task does, e.g. backfill-orders");
    }
    String packageSegment = String.join("", words);
    if (SourceVersion.isKeyword(packageSegment)) {
      throw LauncherException.badInput(
          "invalid task name \""
              + name
              + "\": its package "
              + BASE_PACKAGE
              + "."
              + packageSegment
              + " would be the Java keyword \""
              + packageSegment
              + "\"; choose another name");
    }
    String base = baseWords.stream().map(TaskName::capitalize).collect(Collectors.joining());
    return new TaskName(name, base, packageSegment);
  }

  private static String capitalize(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  public String name() {
    return name;
  }

  public String packageName() {
    return BASE_PACKAGE + "." + packageSegment;
  }

  public String taskClass() {
    return base + "Task";
  }

  public String usecaseClass() {
    return base;
  }

  public String repositoryClass() {
    return base + "Repository";
  }

  public String testClass() {
    return base + "TaskTest";
  }

  /**
   * A database task also gets a class named {@link #usecaseClass()} in its package; one named like
   * a java.lang type ({@code string} → String) would hide that type from every class of the
   * package.
   */
  public TaskName requireUsecaseNameFree() {
    try {
      Class.forName("java.lang." + base, false, ClassLoader.getPlatformClassLoader());
    } catch (ClassNotFoundException e) {
      return this;
    }
    throw LauncherException.badInput(
        "invalid task name \""
            + name
            + "\" for --db: its usecase class "
            + base
            + " would hide java.lang."
            + base
            + "; choose another name");
  }

  /** "backfill-orders" → "Backfill orders": the default description. */
  public String humanized() {
    String words = name.replace('-', ' ');
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  @Override
  public String toString() {
    return name;
  }
}
