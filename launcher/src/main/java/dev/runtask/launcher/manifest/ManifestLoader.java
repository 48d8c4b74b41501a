package dev.runtask.launcher.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtask.launcher.exit.LauncherException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the task manifest bundled into launcher.jar at build time, so validation matches the tasks
 * of the same commit; falls back to tasks/target/classes when run from an unpackaged checkout.
 */
public final class ManifestLoader {
  public static final String RESOURCE = "META-INF/runtask/task-manifest.json";

  private ManifestLoader() {}

  public static TaskManifest load(Path projectRoot) {
    try (InputStream in = ManifestLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in != null) {
        return parse(in, "launcher.jar!/" + RESOURCE);
      }
    } catch (IOException e) {
      throw LauncherException.badInput(RESOURCE + ": cannot read: " + e.getMessage());
    }
    Path built = projectRoot.resolve("tasks/target/classes").resolve(RESOURCE);
    if (Files.isRegularFile(built)) {
      try (InputStream in = Files.newInputStream(built)) {
        return parse(in, built.toString());
      } catch (IOException e) {
        throw LauncherException.badInput(built + ": cannot read: " + e.getMessage());
      }
    }
    throw LauncherException.badInput(
        "no task manifest: launcher.jar was built without "
            + RESOURCE
            + " and "
            + built
            + " does not exist (build the tasks module first)");
  }

  /**
   * Read by hand from the tree (see config.JsonReader for why); unknown fields are ignored for
   * forward compatibility.
   */
  static TaskManifest parse(InputStream in, String source) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(in);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw LauncherException.badInput(
          source + ": malformed task manifest: " + e.getOriginalMessage());
    }
    List<TaskManifest.TaskSpec> tasks = new ArrayList<>();
    for (JsonNode t : root.path("tasks")) {
      List<TaskManifest.OptionSpec> options = new ArrayList<>();
      for (JsonNode o : t.path("options")) {
        List<String> names = new ArrayList<>();
        o.path("names").forEach(n -> names.add(n.asText()));
        options.add(
            new TaskManifest.OptionSpec(
                names,
                text(o, "type"),
                text(o, "arity"),
                o.path("required").asBoolean(),
                text(o, "defaultValue"),
                text(o, "paramLabel"),
                text(o, "description"),
                o.path("secret").asBoolean()));
      }
      List<TaskManifest.PositionalSpec> positionals = new ArrayList<>();
      for (JsonNode p : t.path("positionals")) {
        positionals.add(
            new TaskManifest.PositionalSpec(
                text(p, "index"),
                text(p, "type"),
                text(p, "arity"),
                p.path("required").asBoolean(),
                text(p, "paramLabel"),
                text(p, "description")));
      }
      tasks.add(
          new TaskManifest.TaskSpec(
              text(t, "name"),
              text(t, "description"),
              t.path("singleInstance").asBoolean(),
              options,
              positionals));
    }
    return new TaskManifest(tasks);
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }
}
