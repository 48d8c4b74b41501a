package dev.runtask.launcher.manifest;

import dev.runtask.contract.DidYouMean;
import dev.runtask.contract.ManifestFormatException;
import dev.runtask.contract.ManifestJson;
import dev.runtask.contract.TaskManifest;
import dev.runtask.contract.TaskManifest.TaskSpec;
import dev.runtask.launcher.exit.LauncherException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The task manifest bundled into launcher.jar at build time, so a run is checked against the tasks
 * of the same commit; from tasks/target/classes when run from an unpackaged checkout.
 */
public final class BundledManifest {
  private final TaskManifest manifest;

  private BundledManifest(TaskManifest manifest) {
    this.manifest = manifest;
  }

  /** The bundled manifest, else the one the tasks build wrote under {@code projectRoot}. */
  public static BundledManifest load(Path projectRoot) {
    String resource = ManifestJson.RESOURCE;
    try (InputStream in = BundledManifest.class.getClassLoader().getResourceAsStream(resource)) {
      if (in != null) {
        return parse(
            new String(in.readAllBytes(), StandardCharsets.UTF_8), "launcher.jar!/" + resource);
      }
    } catch (IOException e) {
      throw LauncherException.badInput(resource + ": cannot read: " + e.getMessage());
    }
    Path built = projectRoot.resolve("tasks/target/classes").resolve(resource);
    if (Files.isRegularFile(built)) {
      try {
        return parse(Files.readString(built), built.toString());
      } catch (IOException e) {
        throw LauncherException.badInput(built + ": cannot read: " + e.getMessage());
      }
    }
    throw LauncherException.badInput(
        "no task manifest: launcher.jar was built without "
            + resource
            + " and "
            + built
            + " does not exist (build the tasks module first)");
  }

  private static BundledManifest parse(String json, String source) {
    try {
      return new BundledManifest(ManifestJson.read(json, source));
    } catch (ManifestFormatException e) {
      throw LauncherException.badInput("malformed task manifest: " + e.getMessage());
    }
  }

  public TaskManifest manifest() {
    return manifest;
  }

  /** The task named {@code name}; an unknown one is bad input naming the known ones. */
  public TaskSpec task(String name) {
    return manifest
        .find(name)
        .orElseThrow(
            () ->
                LauncherException.badInput(
                    "unknown task \""
                        + name
                        + "\""
                        + DidYouMean.suffix(name, manifest.names())
                        + " (known: "
                        + String.join(", ", manifest.names())
                        + "; see `launcher tasks`)"));
  }
}
