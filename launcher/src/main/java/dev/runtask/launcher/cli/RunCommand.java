package dev.runtask.launcher.cli;

import dev.runtask.launcher.aws.AwsClients;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.config.JsonFiles;
import dev.runtask.launcher.exit.Failure;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.platform.EcsPlatform;
import dev.runtask.launcher.platform.LocalPlatform;
import dev.runtask.launcher.run.Planner;
import dev.runtask.launcher.run.RunOptions;
import dev.runtask.launcher.run.RunPlan;
import dev.runtask.launcher.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code launcher run -e ENV -n TASK [--] [task args...]}: validate, render, register if changed,
 * run, watch.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run TASK in ENV and exit with its exit code.",
      "Task options may follow directly; put them after -- when one looks like a launcher option."
    })
public final class RunCommand implements Callable<Integer>, ReportsFailures {
  @ParentCommand LauncherCommand parent;

  @Spec CommandSpec spec;

  @Mixin EnvironmentOptions environment;

  @Option(
      names = {"-n", "--task"},
      required = true,
      paramLabel = "TASK",
      description = "The task to run (see `launcher tasks`).")
  String task;

  @Parameters(
      paramLabel = "TASK_ARGS",
      arity = "0..*",
      description = "Options and parameters for the task.")
  List<String> taskArgs = new ArrayList<>();

  @Option(
      names = "--no-wait",
      description =
          "Print the task ARN and the command that follows it, and exit 0 without waiting.")
  boolean noWait;

  @Option(
      names = "--dry-run",
      description = "Print the rendered task definition and the RunTask request; call nothing.")
  boolean dryRun;

  @Option(
      names = {"-y", "--yes"},
      description =
          "Do not ask for confirmation (environments with \"confirm\": true, e.g. production).")
  boolean yes;

  @Mixin AwsOptions aws;

  @Mixin OutputOptions output;

  @Mixin WaitOptions waiting;

  @Mixin ShardOptions sharding;

  @Override
  public Integer call() {
    Host host = parent.host();
    RunOptions options = waiting.runOptions(!noWait, dryRun, output.json(), yes);
    AwsClients clients = null;
    try {
      sharding.validate();
      Planner planner = environment.planner(host);
      EnvironmentConfig config = planner.environment().config();
      List<String> args =
          FanOutRun.checkSupported(sharding, host, environment.env, config, task, taskArgs, noWait);
      if (!config.runsLocally() && !dryRun) {
        clients = new AwsClients(aws.settings(config, host.env()));
        clients.prebuild();
      }
      List<String> launcherOptions =
          spec.options().stream()
              .filter(o -> !o.hidden())
              .flatMap(o -> java.util.Arrays.stream(o.names()))
              .filter(n -> n.startsWith("--"))
              .toList();
      RunPlan plan = planner.plan(task, args, launcherOptions, options);
      if (plan.args().usageHelp().isPresent()) {
        // The task's own --help: answered here from the manifest, no task is started for it.
        host.terminal().result(plan.args().usageHelp().get().stripTrailing());
        return 0;
      }
      if (sharding.fanOut() && !dryRun) {
        return FanOutRun.run(host, clients, planner, plan, sharding, output.json());
      }
      RunResult result =
          config.runsLocally()
              ? new LocalPlatform(host, EnvironmentConfig.projectRoot(planner.directory().root()))
                  .run(plan)
              : new EcsPlatform(host, clients).run(plan);
      if (output.json()) {
        host.terminal().result(JsonFiles.pretty(result.json()));
      }
      return result.exitCode();
    } finally {
      if (clients != null) {
        clients.close();
      }
    }
  }

  @Override
  public void report(Failure failure) {
    output.reportFailedRun(parent.host(), task, failure);
  }
}
