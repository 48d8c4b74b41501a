package dev.runtask.launcher.cli;

import dev.runtask.launcher.config.JsonFiles;
import dev.runtask.launcher.run.Planner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code launcher render -e ENV [-n TASK]}: prints the task definition that run would register. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description =
        "Print the rendered task definition (register-task-definition --cli-input-json form).")
public final class RenderCommand implements Callable<Integer> {
  @ParentCommand LauncherCommand parent;

  @Mixin EnvironmentOptions environment;

  @Option(
      names = {"-n", "--task"},
      paramLabel = "TASK",
      description = "Apply this task's overrides (tasks/TASK.json).")
  String task;

  @Override
  public Integer call() {
    Planner planner = environment.planner(parent.host());
    if (task != null) {
      planner.manifest().task(task);
    }
    parent.host().terminal().result(JsonFiles.pretty(planner.render(task).json()));
    return 0;
  }
}
