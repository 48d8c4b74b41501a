package dev.runtask.launcher.cli;

import dev.runtask.contract.ManifestJson;
import dev.runtask.contract.Secrets;
import dev.runtask.contract.TaskManifest;
import dev.runtask.contract.TaskManifest.OptionSpec;
import dev.runtask.contract.TaskManifest.PositionalSpec;
import dev.runtask.contract.TaskManifest.TaskSpec;
import dev.runtask.launcher.config.ConfigDirectory;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.io.Terminal;
import dev.runtask.launcher.manifest.BundledManifest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code launcher tasks}: the tasks this launcher knows (its build's manifest) and their options.
 */
@Command(
    name = "tasks",
    mixinStandardHelpOptions = true,
    description = "List the tasks and their options.")
public final class TasksCommand implements Callable<Integer> {
  @ParentCommand LauncherCommand parent;

  @Option(names = "--config-dir", hidden = true)
  Path configDir;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    Terminal terminal = parent.host().terminal();
    TaskManifest manifest = BundledManifest.load(projectRoot()).manifest();
    if (output.json()) {
      terminal.result(ManifestJson.write(manifest).stripTrailing());
      return 0;
    }
    for (TaskSpec task : manifest.tasks()) {
      terminal.result(
          task.name()
              + (task.description().isEmpty() ? "" : "  — " + task.description())
              + (task.singleInstance() ? "  [single instance]" : ""));
      for (OptionSpec o : task.options()) {
        terminal.result(
            "    "
                + String.join(", ", o.names())
                + (o.isFlag() ? "" : " " + o.value().paramLabel())
                + (o.value().required()
                    ? "  (required)"
                    // A description that already states its default (picocli's
                    // ${DEFAULT-VALUE}) is not told it twice.
                    : o.value().defaultValue() == null
                            || o.value().description().contains("(default: ")
                        ? ""
                        : "  (default: "
                            + (o.secret() ? Secrets.MASK : o.value().defaultValue())
                            + ")")
                + (o.value().description().isEmpty() ? "" : "  " + o.value().description()));
      }
      for (PositionalSpec p : task.positionals()) {
        terminal.result(
            "    "
                + p.value().paramLabel()
                + (p.value().required() ? "  (required)" : "")
                + (p.value().description().isEmpty() ? "" : "  " + p.value().description()));
      }
    }
    return 0;
  }

  private Path projectRoot() {
    try {
      return EnvironmentConfig.projectRoot(
          ConfigDirectory.locate(configDir, parent.host().env(), parent.host().workDir()).root());
    } catch (RuntimeException e) {
      // The bundled manifest needs no project; without one, look in the working directory.
      return parent.host().workDir();
    }
  }
}
