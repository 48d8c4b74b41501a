package dev.runtask.launcher.cli;

import dev.runtask.launcher.config.ConfigDirectory;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.config.JsonFiles;
import dev.runtask.launcher.io.Terminal;
import dev.runtask.launcher.manifest.ManifestLoader;
import dev.runtask.launcher.manifest.TaskManifest;
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
    TaskManifest manifest = ManifestLoader.load(projectRoot());
    if (output.json()) {
      terminal.result(JsonFiles.pretty(JsonFiles.MAPPER.valueToTree(manifest)));
      return 0;
    }
    for (TaskManifest.TaskSpec task : manifest.tasksOrEmpty()) {
      terminal.result(
          task.name()
              + (task.description() == null ? "" : "  — " + task.description())
              + (task.singleInstance() ? "  [single instance]" : ""));
      for (TaskManifest.OptionSpec o : task.optionsOrEmpty()) {
        terminal.result(
            "    "
                + String.join(", ", o.names())
                + (o.isFlag() ? "" : " " + o.paramLabel())
                + (o.required()
                    ? "  (required)"
                    : o.defaultValue() == null
                        ? ""
                        : "  (default: " + (o.secret() ? "****" : o.defaultValue()) + ")")
                + (o.description() == null ? "" : "  " + o.description()));
      }
      for (TaskManifest.PositionalSpec p : task.positionalsOrEmpty()) {
        terminal.result(
            "    "
                + p.paramLabel()
                + (p.required() ? "  (required)" : "")
                + (p.description() == null ? "" : "  " + p.description()));
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
