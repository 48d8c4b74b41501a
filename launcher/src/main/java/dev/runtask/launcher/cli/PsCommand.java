package dev.runtask.launcher.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.contract.ExitCodes;
import dev.runtask.contract.TaskManifest;
import dev.runtask.launcher.aws.AwsClients;
import dev.runtask.launcher.aws.LaunchedTasks;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.config.JsonFiles;
import dev.runtask.launcher.exit.Failure;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.manifest.BundledManifest;
import dev.runtask.launcher.ops.LaunchedTask;
import dev.runtask.launcher.ops.TaskTable;
import dev.runtask.launcher.run.Planner;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code launcher ps -e ENV [-n TASK]}: the environment's tasks that the launcher started. */
@Command(
    name = "ps",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "List the tasks the launcher started in ENV: running and recently stopped.",
      "Newest first, with arguments (secrets masked), who launched them, status, duration, exit",
      "code and cause; stopped tasks for as long as ECS keeps them (about an hour)."
    })
public final class PsCommand implements Callable<Integer>, ReportsFailures {
  @ParentCommand LauncherCommand parent;

  @Mixin EnvironmentOptions environment;

  @Option(
      names = {"-n", "--task"},
      paramLabel = "TASK",
      description = "Only runs of this task.")
  String task;

  @Mixin AwsOptions aws;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    Host host = parent.host();
    Planner planner = environment.ecsPlanner(host, "ps lists the tasks of an ECS environment");
    EnvironmentConfig config = planner.environment().config();
    BundledManifest bundled = planner.manifest();
    TaskManifest manifest = bundled.manifest();
    if (task != null) {
      bundled.task(task);
    }
    Instant now = Instant.now();
    List<LaunchedTask> tasks;
    try (AwsClients clients = new AwsClients(aws.settings(config, host.env()))) {
      tasks =
          new LaunchedTasks(clients.ecs())
              .list(config.cluster()).stream()
                  .map(t -> LaunchedTask.of(t, manifest, environment.env))
                  .filter(t -> task == null || task.equals(t.task()))
                  .sorted(
                      Comparator.comparing(
                              LaunchedTask::startedAt,
                              Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                          .reversed())
                  .toList();
    }
    if (output.json()) {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      json.put("environment", environment.env);
      json.put("cluster", config.cluster());
      ArrayNode array = json.putArray("tasks");
      tasks.forEach(t -> array.add(t.json(now)));
      host.terminal().result(JsonFiles.pretty(json));
    } else if (tasks.isEmpty()) {
      host.terminal()
          .info(
              "no "
                  + (task == null ? "" : task + " ")
                  + "tasks started by the launcher in cluster "
                  + config.cluster()
                  + " (running, or stopped within about an hour)");
    } else {
      TaskTable.lines(tasks, now).forEach(host.terminal()::result);
    }
    return ExitCodes.SUCCESS;
  }

  @Override
  public void report(Failure failure) {
    if (output.json()) {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      json.put("environment", environment.env);
      json.put("exitCode", failure.exitCode());
      json.put("explanation", failure.message());
      parent.host().terminal().result(JsonFiles.pretty(json));
    }
  }
}
