package dev.runtask.launcher.cli;

import dev.runtask.contract.ExitCodes;
import dev.runtask.launcher.aws.AwsClients;
import dev.runtask.launcher.aws.CallerIdentity;
import dev.runtask.launcher.aws.LaunchedTasks;
import dev.runtask.launcher.aws.StoppedTask;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.config.JsonFiles;
import dev.runtask.launcher.exit.Failure;
import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.fanout.RunJournal;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.ops.LaunchedTask;
import dev.runtask.launcher.ops.StopReason;
import dev.runtask.launcher.platform.EcsPlatform;
import dev.runtask.launcher.run.Planner;
import dev.runtask.launcher.run.RunOptions;
import dev.runtask.launcher.run.RunResult;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * {@code launcher stop -e ENV TASK_ID}: StopTask with a reason naming who stopped it, then the
 * task's last lines and how it ended.
 */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Stop a task (or every shard of a fan-out) the launcher started.",
      "ECS sends it SIGTERM, and SIGKILL after its stop timeout. Waits until it has stopped,",
      "shows its logs and how it ended.",
      "Exit 0 when it stopped (its own 143 for SIGTERM is the expected end), 137 when it had to",
      "be killed, else the code it ended with."
    })
public final class StopCommand implements Callable<Integer>, ReportsFailures {
  @ParentCommand LauncherCommand parent;

  @Mixin EnvironmentOptions environment;

  @Parameters(
      index = "0",
      paramLabel = "TASK_ID|RUN_ID",
      description =
          "The task's id (as `launcher ps` shows it) or ARN, or a fan-out's run id (every shard).")
  String taskId;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "Why, recorded in the task's stopped reason with who stopped it.")
  String reason;

  @Option(names = "--yes", description = "Do not ask for confirmation (production asks).")
  boolean yes;

  @Option(names = "--no-wait", description = "Ask ECS to stop the task and exit 0 at once.")
  boolean noWait;

  @Mixin AwsOptions aws;

  @Mixin OutputOptions output;

  @Mixin WaitOptions waiting;

  @Override
  public Integer call() {
    Host host = parent.host();
    Planner planner = environment.ecsPlanner(host, "stop a local run with Ctrl-C in its terminal");
    EnvironmentConfig config = planner.environment().config();
    StopReason.checkText(reason);
    boolean confirm = config.confirm() && !yes;
    if (confirm && !host.terminal().interactive()) {
      throw LauncherException.badInput(
          "environment "
              + environment.env
              + " needs confirmation and there is no terminal to ask on — re-run with --yes");
    }
    try (AwsClients clients = new AwsClients(aws.settings(config, host.env()))) {
      CallerIdentity caller = CallerIdentity.of(clients.sts());
      caller.requireAccount(config.accountId(), environment.env);
      Integer runCode =
          RunJournal.looksLikeRunId(taskId)
              ? stopRun(host, config, clients, caller, confirm)
              : null;
      if (runCode != null) {
        return runCode;
      }
      Task found =
          new LaunchedTasks(clients.ecs())
              .find(config.cluster(), taskId)
              .orElseThrow(
                  () ->
                      LauncherException.badInput(
                          "no task "
                              + taskId
                              + " in cluster "
                              + config.cluster()
                              + " (see `launcher ps -e "
                              + environment.env
                              + "`; ECS keeps stopped tasks for about an hour): nothing was stopped"));
      if (!LaunchedTasks.launchedByUs(found)) {
        throw LauncherException.badInput(
            "task "
                + taskId
                + " was not started by the launcher (startedBy: "
                + (found.startedBy() == null ? "none" : found.startedBy())
                + "): nothing was stopped — use aws ecs stop-task if you mean it");
      }
      LaunchedTask shown = LaunchedTask.of(found, planner.manifest().manifest(), environment.env);
      if ("STOPPED".equals(shown.status())) {
        host.terminal()
            .info(
                "task "
                    + shown.taskId()
                    + " ("
                    + shown.task()
                    + ") has already stopped"
                    + (shown.exitCode() == null ? "" : " with exit code " + shown.exitCode())
                    + (shown.cause() == null ? "" : ": " + shown.cause())
                    + " — nothing to stop");
        return ExitCodes.SUCCESS;
      }
      if (confirm) {
        confirmStop(
            host,
            shown.task() + " " + String.join(" ", shown.args()) + " (task " + shown.taskId() + ")");
      }
      String stopReason = StopReason.of(caller.arn(), reason);
      clients
          .ecs()
          .stopTask(r -> r.cluster(config.cluster()).task(found.taskArn()).reason(stopReason));
      host.terminal()
          .info(
              "asked ECS to stop task "
                  + shown.taskId()
                  + " ("
                  + shown.task()
                  + "): \""
                  + stopReason
                  + "\"; it gets SIGTERM now and SIGKILL after its stop timeout");
      if (noWait) {
        return ExitCodes.SUCCESS;
      }
      RunOptions options = waiting.runOptions(true, false, output.json(), true);
      RunResult result =
          new EcsPlatform(host, clients)
              .attach(
                  config, found.taskArn(), running -> planner.attachPlan(null, running, options));
      int code = exitCode(result);
      if (output.json()) {
        host.terminal().result(JsonFiles.pretty(result.json().put("exitCode", code)));
      }
      return code;
    }
  }

  /**
   * Every running shard of a fan-out: one confirmation, one StopTask per shard with the same
   * reason, then (unless --no-wait) until all have stopped; null when {@code taskId} is no run's
   * id. 0 when each ended on the stop, 137 when one had to be killed, else the code of the lowest
   * shard that ended otherwise.
   */
  private Integer stopRun(
      Host host,
      EnvironmentConfig config,
      AwsClients clients,
      CallerIdentity caller,
      boolean confirm) {
    LaunchedTasks tasks = new LaunchedTasks(clients.ecs());
    List<RunShards.Shard> shards = RunShards.of(tasks, config.cluster(), host.env(), taskId);
    if (shards.isEmpty()) {
      return null; // not a run's id: a task's
    }
    List<RunShards.Shard> running =
        shards.stream()
            .filter(s -> s.task().isPresent() && LaunchedTasks.launchedByUs(s.task().get()))
            .filter(s -> !"STOPPED".equals(s.task().get().lastStatus()))
            .toList();
    if (running.isEmpty()) {
      host.terminal()
          .info("every shard of run " + taskId + " has already stopped — nothing to stop");
      return ExitCodes.SUCCESS;
    }
    if (confirm) {
      confirmStop(host, "the " + running.size() + " running shard(s) of run " + taskId);
    }
    String stopReason = StopReason.of(caller.arn(), reason);
    for (RunShards.Shard s : running) {
      clients.ecs().stopTask(r -> r.cluster(config.cluster()).task(s.taskArn()).reason(stopReason));
    }
    host.terminal()
        .info(
            "asked ECS to stop "
                + running.size()
                + " shard(s) of run "
                + taskId
                + ": \""
                + stopReason
                + "\"; they get SIGTERM now and SIGKILL after their stop timeout");
    if (noWait) {
      return ExitCodes.SUCCESS;
    }
    List<String> arns = running.stream().map(RunShards.Shard::taskArn).toList();
    Instant deadline = waiting.timeout == null ? null : Instant.now().plus(waiting.timeout);
    List<Task> described;
    while (true) {
      described = tasks.describe(config.cluster(), arns);
      if (described.stream().allMatch(t -> "STOPPED".equals(t.lastStatus()))) {
        break;
      }
      if (deadline != null && Instant.now().isAfter(deadline)) {
        host.terminal()
            .info("launcher: --timeout reached; shards of run " + taskId + " still stopping");
        return ExitCodes.TIMED_OUT;
      }
      try {
        Thread.sleep(waiting.pollInterval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ExitCodes.WAIT_INTERRUPTED;
      }
    }
    int code = ExitCodes.SUCCESS;
    for (RunShards.Shard s : running) {
      Task t =
          described.stream().filter(d -> d.taskArn().equals(s.taskArn())).findFirst().orElse(null);
      Integer exit =
          t == null ? null : StoppedTask.facts(t, config.containerName()).containerExitCode();
      host.terminal()
          .info(
              "launcher: " + s.label() + " stopped" + (exit == null ? "" : " (exit " + exit + ")"));
      if (exit != null && exit == ExitCodes.KILLED) {
        code = ExitCodes.KILLED;
      } else if (!StopReason.endedOnTheStop(exit) && code == ExitCodes.SUCCESS) {
        code = exit;
      }
    }
    return code;
  }

  /** Asks to type the environment's name before stopping {@code what}; anything else refuses. */
  private void confirmStop(Host host, String what) {
    String answer =
        host.terminal()
            .ask(
                "Stop "
                    + what
                    + " on "
                    + environment.env
                    + "? Type \""
                    + environment.env
                    + "\" to confirm:");
    if (answer == null || !answer.trim().equals(environment.env)) {
      throw LauncherException.badInput("not confirmed: nothing was stopped");
    }
  }

  /**
   * The task ended because we stopped it: 0 when it went quietly (143 is how a task answers
   * SIGTERM), 137 when it had to be killed; anything else is what it ended with on its own.
   */
  private int exitCode(RunResult result) {
    RunResult.Watched watched = result.watched();
    if (watched == null || !"UserInitiated".equals(watched.stopCode())) {
      return result.exitCode();
    }
    Integer container = watched.containerExitCode();
    Host host = parent.host();
    if (StopReason.endedOnTheStop(container)) {
      host.terminal()
          .info(
              "launcher: stopped by you"
                  + (container == null ? "" : " (the task exited with code " + container + ")"));
      return ExitCodes.SUCCESS;
    }
    if (container == ExitCodes.KILLED) {
      host.terminal()
          .info(
              "launcher: stopped by you, but the task did not end on SIGTERM within its stop"
                  + " timeout and was killed (exit 137)");
      return ExitCodes.KILLED;
    }
    host.terminal()
        .info("launcher: stopped by you; the task exited with code " + container + " on SIGTERM");
    return container;
  }

  @Override
  public void report(Failure failure) {
    output.reportFailedRun(parent.host(), taskId, failure);
  }
}
