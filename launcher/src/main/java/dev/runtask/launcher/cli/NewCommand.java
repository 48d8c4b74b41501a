package dev.runtask.launcher.cli;

import dev.runtask.launcher.io.Terminal;
import dev.runtask.launcher.scaffold.ProjectLayout;
import dev.runtask.launcher.scaffold.TaskScaffolder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code launcher new TASK}: generates a task, its test and its entry in every environment. */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a new task: its class, its test and its entry in every environment.",
      "Writes tasks/src/main/java/dev/runtask/tasks/<package>/ (with --db also a usecase and a repository),"
          + " its test under tasks/src/test/java, and task-definitions/<env>/tasks/TASK-NAME.json for every"
          + " environment: all files or none, never overwriting one. Bad input: exit 2, nothing written."
    })
public final class NewCommand implements Callable<Integer> {
  @ParentCommand LauncherCommand parent;

  @Parameters(
      index = "0",
      paramLabel = "TASK-NAME",
      description = "kebab-case name, e.g. backfill-orders.")
  String name;

  @Option(
      names = "--description",
      paramLabel = "TEXT",
      description =
          "One line shown by `tasks.jar --help` and `launcher tasks` (default: from the name).")
  String description;

  @Option(
      names = "--db",
      description = "A database task: usecase on the transaction port, repository, rollback test.")
  boolean database;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description =
          "Repository root (default: the nearest directory with pom.xml, tasks/ and task-definitions/).")
  Path repo;

  @Override
  public Integer call() {
    Terminal terminal = parent.host().terminal();
    ProjectLayout layout = ProjectLayout.locate(repo, parent.host().workDir());
    TaskScaffolder.Result result =
        new TaskScaffolder(layout).create(new TaskScaffolder.Request(name, description, database));
    terminal.result("Created task " + result.task() + " in " + layout.root() + ":");
    result.created().forEach(file -> terminal.result("  " + file));
    terminal.result("");
    terminal.result("Next:");
    result.nextSteps().forEach(step -> terminal.result("  " + step));
    return 0;
  }
}
