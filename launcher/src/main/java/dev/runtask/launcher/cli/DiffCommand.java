package dev.runtask.launcher.cli;

import dev.runtask.launcher.aws.AwsClients;
import dev.runtask.launcher.aws.TaskDefinitionRegistrar;
import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.io.Terminal;
import dev.runtask.launcher.render.RenderedDefinition;
import dev.runtask.launcher.run.Planner;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * {@code launcher diff -e ENV [-n TASK]}: local definition against the latest registered revision.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Compare the rendered task definition with the latest ACTIVE revision of its family (normalised).")
public final class DiffCommand implements Callable<Integer> {
  @ParentCommand LauncherCommand parent;

  @Mixin EnvironmentOptions environment;

  @Option(
      names = {"-n", "--task"},
      paramLabel = "TASK",
      description = "Compare the definition with this task's overrides.")
  String task;

  @Option(
      names = "--exit-code",
      description = "Exit 1 when there are differences (like git diff --exit-code).")
  boolean exitCode;

  @Mixin AwsOptions aws;

  @Override
  public Integer call() {
    Planner planner = environment.planner(parent.host());
    if (task != null) {
      planner.manifest().task(task);
    }
    RenderedDefinition local = planner.render(task);
    if (planner.environment().config().runsLocally()) {
      throw LauncherException.badInput(
          "environment "
              + environment.env
              + " runs locally: nothing is registered to compare with");
    }
    Terminal terminal = parent.host().terminal();
    try (AwsClients clients =
        new AwsClients(aws.settings(planner.environment().config(), parent.host().env()))) {
      TaskDefinitionRegistrar registrar = new TaskDefinitionRegistrar(clients.ecs());
      TaskDefinition latest = registrar.latest(local.family());
      List<String> changes = registrar.changes(latest, local);
      if (latest == null) {
        terminal.result(
            "family "
                + local.family()
                + " has no registered revision: run would register revision 1");
      } else if (changes.isEmpty()) {
        terminal.result(
            local.family()
                + ":"
                + latest.revision()
                + " is up to date: run would not register a new revision");
      } else {
        terminal.result("--- " + local.family() + ":" + latest.revision() + " (registered)");
        terminal.result(
            "+++ "
                + planner
                    .directory()
                    .display(planner.environment().dir().resolve("task-definition.json"))
                + " (local)");
        changes.forEach(terminal::result);
      }
      return exitCode && (latest == null || !changes.isEmpty()) ? 1 : 0;
    }
  }
}
