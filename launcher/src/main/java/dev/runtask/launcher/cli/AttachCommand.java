package dev.runtask.launcher.cli;

import dev.runtask.launcher.aws.AwsClients;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.config.JsonFiles;
import dev.runtask.launcher.exit.Failure;
import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.fanout.RunJournal;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.platform.EcsPlatform;
import dev.runtask.launcher.run.Planner;
import dev.runtask.launcher.run.RunOptions;
import dev.runtask.launcher.run.RunResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code launcher attach -e ENV TASK_ID}: status, logs and exit code of a task started earlier. */
@Command(
    name = "attach",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Follow a task started earlier; exit with its exit code.",
      "For a task left by run --no-wait, --timeout or Ctrl-C: waits for it and shows its logs from"
          + " the start."
    })
public final class AttachCommand implements Callable<Integer>, ReportsFailures {
  @ParentCommand LauncherCommand parent;

  @Mixin EnvironmentOptions environment;

  @Parameters(
      index = "0",
      paramLabel = "TASK_ID",
      description =
          "The task's ARN or id (the last part of the ARN), or the run id of a fan-out"
              + " (run --shards N).")
  String taskId;

  @Option(
      names = {"-n", "--task"},
      paramLabel = "TASK",
      description =
          "The task's name (default: the name the task was run with, from its command override).")
  String task;

  @Mixin AwsOptions aws;

  @Mixin OutputOptions output;

  @Mixin WaitOptions waiting;

  @Override
  public Integer call() {
    Host host = parent.host();
    RunOptions options = waiting.runOptions(true, false, output.json(), true);
    Planner planner = environment.planner(host);
    EnvironmentConfig config = planner.environment().config();
    if (config.runsLocally()) {
      throw LauncherException.badInput(
          "environment " + environment.env + " runs tasks locally: there is nothing to attach to");
    }
    try (AwsClients clients = new AwsClients(aws.settings(config, host.env()))) {
      var fanOut = RunJournal.find(host.env(), taskId);
      if (fanOut.isPresent()) {
        return FanOutRun.attach(host, clients, planner, fanOut.get(), options, output.json());
      }
      RunResult result =
          new EcsPlatform(host, clients)
              .attach(config, taskId, running -> planner.attachPlan(task, running, options));
      if (output.json()) {
        host.terminal().result(JsonFiles.pretty(result.json()));
      }
      return result.exitCode();
    }
  }

  @Override
  public void report(Failure failure) {
    output.reportFailedRun(parent.host(), task, failure);
  }
}
