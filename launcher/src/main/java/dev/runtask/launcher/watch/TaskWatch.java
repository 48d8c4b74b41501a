package dev.runtask.launcher.watch;

import dev.runtask.contract.ExitCodes;
import dev.runtask.launcher.aws.AwsClients;
import dev.runtask.launcher.aws.ConsoleUrls;
import dev.runtask.launcher.aws.LogFollower;
import dev.runtask.launcher.aws.LogStream;
import dev.runtask.launcher.aws.StoppedTask;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.explain.Outcome;
import dev.runtask.launcher.explain.StopExplainer;
import dev.runtask.launcher.explain.StopFacts;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.io.TaskOutput;
import dev.runtask.launcher.run.RunOptions;
import dev.runtask.launcher.run.RunPlan;
import dev.runtask.launcher.run.RunResult;
import java.time.Clock;
import java.util.Objects;
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

  /** How the wait ended: what it saw last, and the exit code with its explanation. */
  public record Ending(RunResult.Watched watched, Outcome outcome) {
    public Ending {
      Objects.requireNonNull(watched, "watched");
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  public Ending watch(RunPlan plan, Task task) {
    EnvironmentConfig config = plan.environment().config();
    RunOptions options = plan.options();
    LogFollower logs = logFollower(plan, task.taskArn());
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
    return switch (result.end()) {
      case STOPPED -> stopped(plan, last, logs);
      case TIMED_OUT ->
          detach(
              plan,
              last,
              logs,
              options.stopOnTimeout(),
              ExitCodes.TIMED_OUT,
              "--timeout " + WatchLoop.format(options.timeout()) + " reached");
      case INTERRUPTED ->
          detach(
              plan,
              last,
              logs,
              // SIGTERM/SIGHUP: nobody to ask (a cancelled CI job); only the flag stops the task.
              options.stopOnInterrupt() || host.interrupts().fromTerminal() && askToStop(last),
              ExitCodes.WAIT_INTERRUPTED,
              host.interrupts().fromTerminal()
                  ? "interrupted"
                  : "interrupted by " + host.interrupts().lastSignal());
      case GAVE_UP -> gaveUp(plan, last, logs, result.failure());
    };
  }

  private Ending stopped(RunPlan plan, Task task, LogFollower logs) {
    StopFacts facts = StoppedTask.facts(task, plan.definition().containerName());
    Outcome outcome = StopExplainer.explain(facts, plan.memoryHint());
    if (outcome.explanation() != null) {
      host.terminal().info("launcher: " + outcome.explanation());
    } else {
      host.terminal().info("task " + plan.task() + " finished (exit 0)");
    }
    return new Ending(
        watched(
            logs, task, facts.stopCode(), facts.stoppedReason(), facts.containerExitCode(), null),
        outcome);
  }

  private Ending detach(
      RunPlan plan, Task task, LogFollower logs, boolean stop, int code, String why) {
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
              + followLogsHint(logs);
    }
    host.terminal().info("launcher: " + message);
    return new Ending(watched(logs, task, null, null, null, stop), new Outcome(code, message));
  }

  /** The wait could not see the task any more; it may well still be running. */
  private Ending gaveUp(RunPlan plan, Task task, LogFollower logs, String failure) {
    String message =
        "AWS call failed: DescribeTasks failed "
            + WatchLoop.MAX_CONSECUTIVE_FAILURES
            + " times in a row ("
            + failure
            + "); task "
            + task.taskArn()
            + " may still be running — follow it with `launcher attach -e "
            + plan.environment().name()
            + " "
            + ConsoleUrls.taskId(task.taskArn())
            + "`";
    host.terminal().info("launcher: " + message);
    return new Ending(
        watched(logs, task, null, null, null, null),
        new Outcome(ExitCodes.AWS_CALL_FAILED, message));
  }

  private static RunResult.Watched watched(
      LogFollower logs,
      Task task,
      String stopCode,
      String stoppedReason,
      Integer containerExitCode,
      Boolean stopRequested) {
    return new RunResult.Watched(
        logs == null ? null : logs.group(),
        logs == null ? null : logs.stream(),
        task.lastStatus(),
        stopCode,
        stoppedReason,
        containerExitCode,
        stopRequested);
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
                new LogFollower(
                    clients.logs(),
                    target,
                    TaskOutput.of(host, plan.options().json()),
                    plan.options().logsFrom()))
        .orElse(null);
  }

  private static String followLogsHint(LogFollower logs) {
    return logs == null
        ? ""
        : " and `aws logs tail "
            + logs.group()
            + " --log-stream-names "
            + logs.stream()
            + " --follow`";
  }
}
