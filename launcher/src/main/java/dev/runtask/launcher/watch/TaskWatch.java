package dev.runtask.launcher.watch;

import dev.runtask.contract.ExitCodes;
import dev.runtask.launcher.aws.AwsClients;
import dev.runtask.launcher.aws.ConsoleUrls;
import dev.runtask.launcher.aws.LogFollower;
import dev.runtask.launcher.aws.LogStream;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.explain.Outcome;
import dev.runtask.launcher.explain.StopExplainer;
import dev.runtask.launcher.explain.StopFacts;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.run.RunOptions;
import dev.runtask.launcher.run.RunPlan;
import dev.runtask.launcher.run.RunReport;
import java.time.Clock;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The waiting half of an ECS run (run and attach): watch status and logs until STOPPED, --timeout
 * or Ctrl-C, then turn the ending into an exit code and one line of explanation.
 */
public final class TaskWatch {
  private final Host host;
  private final AwsClients clients;

  public TaskWatch(Host host, AwsClients clients) {
    this.host = host;
    this.clients = clients;
  }

  public RunReport watch(RunPlan plan, Task task, RunReport report) {
    EnvironmentConfig config = plan.environment().config();
    RunOptions options = plan.options();
    LogFollower logs = logFollower(plan, task.taskArn());
    if (logs != null) {
      report.put("logGroup", logs.group()).put("logStream", logs.stream());
    }
    WatchLoop watcher =
        new WatchLoop(
            clients.ecs(),
            logs,
            host.terminal(),
            new Backoff(options.pollInterval(), options.maxPollInterval()),
            options.logGrace(),
            Clock.systemUTC());
    host.interrupts().onInterrupt(watcher::interrupt);
    WatchLoop.Result result;
    try {
      result = watcher.watch(config.cluster(), task.taskArn(), options.timeout());
    } finally {
      host.interrupts().onInterrupt(null);
    }
    Task last = result.task() != null ? result.task() : task;
    report.put("lastStatus", last.lastStatus());
    return switch (result.end()) {
      case STOPPED -> stopped(plan, last, report);
      case TIMED_OUT ->
          detach(
              plan,
              last,
              report,
              options.stopOnTimeout(),
              ExitCodes.TIMED_OUT,
              "--timeout " + WatchLoop.format(options.timeout()) + " reached");
      case INTERRUPTED ->
          detach(
              plan,
              last,
              report,
              options.stopOnInterrupt() || askToStop(last),
              ExitCodes.WAIT_INTERRUPTED,
              "interrupted");
    };
  }

  private RunReport stopped(RunPlan plan, Task task, RunReport report) {
    Container container =
        task.containers().stream()
            .filter(c -> plan.definition().containerName().equals(c.name()))
            .findFirst()
            .orElse(null);
    StopFacts facts =
        new StopFacts(
            task.stopCodeAsString(),
            task.stoppedReason(),
            container == null ? null : container.exitCode(),
            container == null ? null : container.reason());
    Outcome outcome = StopExplainer.explain(facts, plan.memoryHint());
    report
        .put("stopCode", facts.stopCode())
        .put("stoppedReason", facts.stoppedReason())
        .put("containerExitCode", facts.containerExitCode());
    if (outcome.explanation() != null) {
      host.terminal().info("launcher: " + outcome.explanation());
    } else {
      host.terminal().info("task " + plan.task() + " finished (exit 0)");
    }
    return report.exit(outcome.exitCode(), outcome.explanation());
  }

  private RunReport detach(
      RunPlan plan, Task task, RunReport report, boolean stop, int code, String why) {
    String cluster = plan.environment().config().cluster();
    String message;
    if (stop) {
      clients
          .ecs()
          .stopTask(r -> r.cluster(cluster).task(task.taskArn()).reason("launcher: " + why));
      message = why + ": asked ECS to stop task " + ConsoleUrls.taskId(task.taskArn());
    } else {
      message =
          why
              + ": task "
              + ConsoleUrls.taskId(task.taskArn())
              + " is still running; follow it with"
              + " `launcher attach -e "
              + plan.environment().name()
              + " "
              + ConsoleUrls.taskId(task.taskArn())
              + "`"
              + " or `aws ecs describe-tasks --cluster "
              + cluster
              + " --tasks "
              + task.taskArn()
              + "`"
              + followLogsHint(plan, task.taskArn());
    }
    host.terminal().info("launcher: " + message);
    return report.put("stopRequested", stop).exit(code, message);
  }

  private boolean askToStop(Task task) {
    // A second Ctrl-C while asking means "just leave": the task keeps running.
    host.interrupts()
        .onInterrupt(
            () -> {
              host.terminal().info("\nlauncher: task " + task.taskArn() + " is still running");
              Runtime.getRuntime().halt(ExitCodes.WAIT_INTERRUPTED);
            });
    try {
      String answer =
          host.terminal().ask("\nStop task " + ConsoleUrls.taskId(task.taskArn()) + "? [y/N]");
      return answer != null && answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    } finally {
      host.interrupts().onInterrupt(null);
    }
  }

  private LogFollower logFollower(RunPlan plan, String taskArn) {
    return LogStream.of(plan.definition().container(), taskArn)
        .map(
            target ->
                new LogFollower(clients.logs(), target, host.terminal(), plan.options().json()))
        .orElse(null);
  }

  private String followLogsHint(RunPlan plan, String taskArn) {
    LogFollower logs = logFollower(plan, taskArn);
    return logs == null
        ? ""
        : " and `aws logs tail "
            + logs.group()
            + " --log-stream-names "
            + logs.stream()
            + " --follow`";
  }
}
