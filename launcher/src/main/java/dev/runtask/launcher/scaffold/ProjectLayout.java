package dev.runtask.launcher.scaffold;

import dev.runtask.launcher.exit.LauncherException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a new task's files go in the repository: the root holding pom.xml, tasks/ and
 * task-definitions/; the tasks module's source folders; the environments; the task names taken.
 */
public final class ProjectLayout {
  static final String TASK_DEFINITIONS = "task-definitions";
  private static final Pattern TASK_NAME =
      Pattern.compile(
          "@(?:[\\w.]+\\.)?Task\\s*\\((?:[^\"()]|\"(?:[^\"\\\\]|\\\\.)*\")*?\\bname\\s*=\\s*\"([^\"]*)\"");

  private final Path root;

  private ProjectLayout(Path root) {
    this.root = root;
  }

  /**
   * {@code --repo DIR} when given, else the nearest of {@code workDir} and its parents that is a
   * project root.
   */
  public static ProjectLayout locate(Path explicit, Path workDir) {
    if (explicit != null) {
      Path dir = workDir.resolve(explicit).toAbsolutePath().normalize();
      String missing = missing(dir);
      if (missing != null) {
        throw LauncherException.badInput("--repo " + dir + " is not a project root: " + missing);
      }
      return new ProjectLayout(dir);
    }
    for (Path dir = workDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (missing(dir) == null) {
        return new ProjectLayout(dir);
      }
    }
    throw LauncherException.badInput(
        "no project root in "
            + workDir.toAbsolutePath().normalize()
            + " or its parents (a directory with pom.xml, tasks/ and "
            + TASK_DEFINITIONS
            + "/); run from the"
            + " repository or pass --repo DIR");
  }

  private static String missing(Path dir) {
    if (!Files.isDirectory(dir)) {
      return "not a directory";
    }
    for (String need : List.of("pom.xml", "tasks/pom.xml")) {
      if (!Files.isRegularFile(dir.resolve(need))) {
        return "it has no " + need;
      }
    }
    if (!Files.isDirectory(dir.resolve(TASK_DEFINITIONS))) {
      return "it has no environments directory " + TASK_DEFINITIONS + "/";
    }
    return null;
  }

  public Path root() {
    return root;
  }

  public Path tasksDir() {
    return root.resolve("tasks");
  }

  public Path mainJava() {
    return tasksDir().resolve("src/main/java");
  }

  public Path testJava() {
    return tasksDir().resolve("src/test/java");
  }

  public Path packageDir(Path sourceRoot, String packageName) {
    return sourceRoot.resolve(packageName.replace('.', '/'));
  }

  /** The path shown to the user: relative to the root. */
  public String display(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
  }

  /**
   * The environments (directories of task-definitions/) by name. A directory there that is not a
   * complete environment (environment.json + task-definition.json) is bad input: the launcher would
   * not run it, so an entry written for it would never be used.
   */
  public Map<String, Path> environments() {
    Path dir = root.resolve(TASK_DEFINITIONS);
    Map<String, Path> environments = new TreeMap<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path env : (Iterable<Path>) entries.sorted()::iterator) {
        if (!Files.isDirectory(env)) {
          continue;
        }
        for (String need : List.of("environment.json", "task-definition.json")) {
          if (!Files.isRegularFile(env.resolve(need))) {
            throw LauncherException.badInput(
                "unknown environment "
                    + display(env)
                    + "/: it has no "
                    + need
                    + " (every directory of "
                    + TASK_DEFINITIONS
                    + "/ must be an environment)");
          }
        }
        environments.put(env.getFileName().toString(), env);
      }
    } catch (IOException e) {
      throw LauncherException.badInput("cannot list " + display(dir) + ": " + e.getMessage());
    }
    if (environments.isEmpty()) {
      throw LauncherException.badInput(
          display(dir)
              + "/ has no environments (directories with environment.json"
              + " and task-definition.json)");
    }
    return environments;
  }

  /**
   * Task names declared by {@code @Task(name = ...)} in the tasks module's sources, with their
   * files.
   */
  public Map<String, Path> declaredTasks() {
    Map<String, Path> names = new TreeMap<>();
    if (!Files.isDirectory(mainJava())) {
      return names;
    }
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(mainJava())) {
      files
          .filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
          .forEach(sources::add);
    } catch (IOException | UncheckedIOException e) {
      throw LauncherException.badInput(
          "cannot read " + display(mainJava()) + ": " + e.getMessage());
    }
    for (Path source : sources) {
      try {
        Matcher m = TASK_NAME.matcher(Files.readString(source));
        while (m.find()) {
          names.putIfAbsent(m.group(1), source);
        }
      } catch (IOException e) {
        throw LauncherException.badInput("cannot read " + display(source) + ": " + e.getMessage());
      }
    }
    return names;
  }
}
