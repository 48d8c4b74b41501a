package dev.runtask.launcher.cli;

import dev.runtask.contract.ExitCodes;
import dev.runtask.launcher.aws.AwsClients;
import dev.runtask.launcher.aws.ConsoleUrls;
import dev.runtask.launcher.aws.LaunchedTasks;
import dev.runtask.launcher.aws.LogFollower;
import dev.runtask.launcher.aws.LogStream;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.fanout.RunJournal;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.io.TaskOutput;
import dev.runtask.launcher.manifest.BundledManifest;
import dev.runtask.launcher.platform.EcsPlatform;
import dev.runtask.launcher.render.RenderedDefinition;
import dev.runtask.launcher.run.Planner;
import dev.runtask.launcher.run.RunOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * {@code launcher logs -e ENV TASK_ID [--follow] [--since 10m]}: a task's CloudWatch log, rendered
 * as {@code run} renders it.
 */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print a task's (or a fan-out's) log from CloudWatch, as run shows it.",
      "Rendered at a terminal, the task's own lines as written otherwise. Works after ECS has",
      "forgotten the task, as long as CloudWatch keeps its log. --follow keeps going until the",
      "task stops and exits with its exit code, like attach."
    })
public final class LogsCommand implements Callable<Integer> {
  @ParentCommand LauncherCommand parent;

  @Mixin EnvironmentOptions environment;

  @Parameters(
      index = "0",
      paramLabel = "TASK_ID|RUN_ID",
      description = "The task's id (as `launcher ps` shows it) or ARN, or a fan-out's run id.")
  String taskId;

  @Option(
      names = {"-n", "--task"},
      paramLabel = "TASK",
      description = "The task's name, when ECS no longer knows the task and it has overrides.")
  String task;

  @Option(
      names = "--shard",
      paramLabel = "K",
      description = "With a fan-out's RUN_ID: only shard K (0 to N-1); default: every shard.")
  Integer shard;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep following until the task stops; exit with its exit code.")
  boolean follow;

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Only lines from this long ago on (e.g. 10m, 2h); default: from the first.")
  Duration since;

  @Mixin AwsOptions aws;

  @Mixin WaitOptions waiting;

  @Override
  public Integer call() {
    Host host = parent.host();
    Planner planner = environment.ecsPlanner(host, "their output is in the terminal that ran them");
    EnvironmentConfig config = planner.environment().config();
    if (since != null && (since.isNegative() || since.isZero())) {
      throw LauncherException.badInput("--since: must be a positive duration (e.g. 10m)");
    }
    BundledManifest manifest = planner.manifest();
    if (task != null) {
      manifest.task(task);
    }
    Instant from = since == null ? null : Instant.now().minus(since);
    boolean maybeRun = RunJournal.looksLikeRunId(taskId);
    if (shard != null && !maybeRun) {
      throw shardOfATask();
    }
    // One set of clients for both look-ups: a run id that is no run's is then looked up as a task.
    try (AwsClients clients = new AwsClients(aws.settings(config, host.env()))) {
      if (maybeRun) {
        Integer code = runLogs(host, clients, planner, config, from);
        if (code != null) {
          return code;
        }
        if (shard != null) {
          throw shardOfATask();
        }
      }
      Optional<Task> known = new LaunchedTasks(clients.ecs()).find(config.cluster(), taskId);
      if (known.isPresent() && !LaunchedTasks.launchedByUs(known.get())) {
        throw LauncherException.badInput(
            "task " + taskId + " was not started by the launcher: use aws logs tail for its log");
      }
      String name =
          task != null ? task : known.flatMap(t -> LaunchedTasks.tag(t, "task")).orElse(null);
      if (name != null && manifest.manifest().find(name).isEmpty()) {
        name = null; // a task this build no longer has: the environment's base definition
      }
      if (follow && known.isPresent() && !"STOPPED".equals(known.get().lastStatus())) {
        RunOptions options = waiting.runOptions(true, false, false, true).withLogsFrom(from);
        String named = task;
        return new EcsPlatform(host, clients)
            .attach(
                config,
                known.get().taskArn(),
                running -> planner.attachPlan(named, running, options))
            .exitCode();
      }
      String arn = known.map(Task::taskArn).orElse(taskId);
      LogStream stream =
          LogStream.of(planner.render(name).container(), arn)
              .orElseThrow(
                  () ->
                      LauncherException.badInput(
                          "the task definition of "
                              + environment.env
                              + " does not log to CloudWatch (logDriver awslogs): no log to read"));
      LogFollower logs = new LogFollower(clients.logs(), stream, TaskOutput.of(host, false), from);
      logs.poll(); // every page stored so far, up to the first that is not full
      if (!logs.streamSeen()) {
        if (known.isEmpty()) {
          throw LauncherException.badInput(
              "no task "
                  + taskId
                  + " in cluster "
                  + config.cluster()
                  + " and no log stream "
                  + stream.group()
                  + " "
                  + stream.stream()
                  + " (a typo, a task of another environment, or its log has expired)");
        }
        host.terminal()
            .info(
                "no lines yet: task "
                    + ConsoleUrls.taskId(arn)
                    + " is "
                    + known.get().lastStatus()
                    + " and its log stream does not exist yet");
      } else if (follow) {
        host.terminal()
            .info(
                "task "
                    + ConsoleUrls.taskId(arn)
                    + (known.isPresent()
                        ? " has stopped: nothing more to follow"
                        : " is not known to ECS any more (stopped over an hour ago?): nothing"
                            + " more to follow"));
      }
      return ExitCodes.SUCCESS;
    }
  }

  private LauncherException shardOfATask() {
    return LauncherException.badInput(
        "--shard: only with a fan-out's RUN_ID (" + taskId + " is a task id)");
  }

  /**
   * Every shard's log of a fan-out (or shard K's), one shard after the other; null when {@code
   * taskId} is no run's id.
   */
  private Integer runLogs(
      Host host, AwsClients clients, Planner planner, EnvironmentConfig config, Instant from) {
    List<RunShards.Shard> shards =
        RunShards.of(new LaunchedTasks(clients.ecs()), config.cluster(), host.env(), taskId);
    if (shards.isEmpty()) {
      return null;
    }
    if (follow) {
      throw LauncherException.badInput(
          "--follow: a fan-out is followed with `launcher attach -e "
              + environment.env
              + " "
              + taskId
              + "` (every shard's lines until all have stopped, and the run's exit code)");
    }
    if (shard != null) {
      shards = shards.stream().filter(s -> s.index() == shard).toList();
      if (shards.isEmpty()) {
        throw LauncherException.badInput(
            "--shard " + shard + ": run " + taskId + " has no such shard (see launcher ps)");
      }
    }
    RenderedDefinition definition = planner.render(null);
    TaskOutput output = TaskOutput.of(host, false);
    for (RunShards.Shard s : shards) {
      LogStream.of(definition.container(), s.taskArn())
          .ifPresent(stream -> new LogFollower(clients.logs(), stream, output, from).poll());
    }
    return ExitCodes.SUCCESS;
  }
}
