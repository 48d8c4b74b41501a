package dev.runtask.launcher.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.contract.DidYouMean;
import dev.runtask.launcher.exit.LauncherException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The task-definitions/ directory: finds it, lists environments and loads one with its templates
 * rendered.
 */
public final class ConfigDirectory {
  public static final String DIR_NAME = "task-definitions";
  private final Path root;

  public ConfigDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * An explicit --config-dir, else $RUNTASK_CONFIG_DIR, else task-definitions/ here or in a parent.
   */
  public static ConfigDirectory locate(Path explicit, Map<String, String> env, Path workDir) {
    if (explicit != null) {
      return existing(workDir.resolve(explicit), "--config-dir");
    }
    String fromEnv = env.get("RUNTASK_CONFIG_DIR");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return existing(workDir.resolve(fromEnv), "RUNTASK_CONFIG_DIR");
    }
    for (Path dir = workDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(DIR_NAME))) {
        return new ConfigDirectory(dir.resolve(DIR_NAME));
      }
    }
    throw LauncherException.badInput(
        "no "
            + DIR_NAME
            + "/ directory here or in a parent of "
            + workDir
            + " (run from the project, or pass --config-dir)");
  }

  private static ConfigDirectory existing(Path dir, String source) {
    if (!Files.isDirectory(dir)) {
      throw LauncherException.badInput(source + ": " + dir + " is not a directory");
    }
    return new ConfigDirectory(dir);
  }

  public Path root() {
    return root;
  }

  public List<String> environments() {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("environment.json")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw LauncherException.badInput(root + ": cannot list environments: " + e.getMessage());
    }
  }

  /**
   * Loads {@code <env>/environment.json} and {@code <env>/task-definition.json}, templates
   * rendered.
   */
  public Environment load(String name, Templates templates) {
    List<String> known = environments();
    if (!known.contains(name)) {
      throw LauncherException.badInput(
          "unknown environment \""
              + name
              + "\""
              + DidYouMean.suffix(name, known)
              + " (known: "
              + String.join(", ", known)
              + ")");
    }
    Path dir = root.resolve(name);
    EnvironmentConfig config =
        EnvironmentConfig.read(reader(dir.resolve("environment.json"), templates));
    new EnvironmentValidator(display(dir.resolve("environment.json"))).validate(config);
    Path definitionFile = dir.resolve("task-definition.json");
    ObjectNode definition =
        (ObjectNode)
            templates.render(
                JsonFiles.read(definitionFile, root.getParent()), display(definitionFile));
    return new Environment(name, dir, config, definition);
  }

  /** Loads {@code <env>/tasks/<task>.json} when it exists. */
  public TaskOverrides overrides(Environment environment, String task, Templates templates) {
    Path file = environment.dir().resolve("tasks").resolve(task + ".json");
    return Files.isRegularFile(file)
        ? TaskOverrides.read(reader(file, templates))
        : TaskOverrides.NONE;
  }

  public String display(Path file) {
    return JsonFiles.display(file, root.getParent());
  }

  private JsonReader reader(Path file, Templates templates) {
    String shown = display(file);
    return new JsonReader(
        templates.render(JsonFiles.read(file, root.getParent()), shown), shown, "");
  }
}
