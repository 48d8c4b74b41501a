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
import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.fanout.RunJournal;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.manifest.BundledManifest;
import dev.runtask.launcher.ops.LaunchedTask;
import dev.runtask.launcher.ops.TaskTable;
import dev.runtask.launcher.run.Planner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code launcher history -e ENV [-n TASK]}: recent runs and how they ended, from this machine's
 * run journal (fan-outs) and ECS's recently stopped tasks.
 */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Recent runs in ENV and how they ended, newest first.",
      "The fan-outs in this machine's run journal (any age), and on ECS the launcher's tasks",
      "stopped within about an hour."
    })
public final class HistoryCommand implements Callable<Integer> {
  @ParentCommand LauncherCommand parent;

  @Mixin EnvironmentOptions environment;

  @Option(
      names = {"-n", "--task"},
      paramLabel = "TASK",
      description = "Only runs of this task.")
  String task;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "At most N runs (default: ${DEFAULT-VALUE}).")
  int limit;

  @Mixin AwsOptions aws;

  @Mixin OutputOptions output;

  /** One run: a fan-out from the journal or a single task from ECS. */
  private record Entry(
      Instant startedAt,
      String run,
      String task,
      List<String> args,
      String shards,
      Integer exitCode,
      String cause,
      String source) {}

  @Override
  public Integer call() {
    Host host = parent.host();
    if (limit < 1) {
      throw LauncherException.badInput(
          "--limit: " + limit + "; expected a number of runs, 1 or more");
    }
    Planner planner = environment.planner(host);
    EnvironmentConfig config = planner.environment().config();
    BundledManifest bundled = planner.manifest();
    if (task != null) {
      bundled.task(task);
    }
    List<Entry> entries = new ArrayList<>();
    Set<String> journaledRuns = new HashSet<>();
    for (RunJournal journal : RunJournal.all(host.env())) {
      if (!journal.environment().equals(environment.env)
          || (task != null && !task.equals(journal.task()))) {
        continue;
      }
      journaledRuns.add(journal.runId());
      entries.add(fromJournal(journal));
    }
    if (!config.runsLocally()) {
      TaskManifest manifest = bundled.manifest();
      try (AwsClients clients = new AwsClients(aws.settings(config, host.env()))) {
        for (var t : new LaunchedTasks(clients.ecs()).list(config.cluster())) {
          LaunchedTask shown = LaunchedTask.of(t, manifest, environment.env);
          if (!"STOPPED".equals(shown.status())
              || (shown.runId() != null && journaledRuns.contains(shown.runId()))
              || (task != null && !task.equals(shown.task()))) {
            continue;
          }
          entries.add(
              new Entry(
                  shown.startedAt(),
                  shown.taskId(),
                  shown.task(),
                  shown.args(),
                  shown.shard() == null ? "-" : shown.shard(),
                  shown.exitCode(),
                  shown.cause(),
                  "ecs"));
        }
      }
    }
    entries.sort(
        Comparator.comparing(
                Entry::startedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .reversed());
    List<Entry> shown = entries.subList(0, Math.min(limit, entries.size()));
    print(host, shown);
    return ExitCodes.SUCCESS;
  }

  private static Entry fromJournal(RunJournal journal) {
    List<Integer> indices = journal.indices();
    List<Integer> failed = journal.failedIndices();
    Integer exitCode = null;
    String cause = null;
    if (journal.finishedAt().isPresent()) {
      // The fan-out rule (docs/CONTRACTS.md): the failed shard with the lowest index decides.
      Optional<Integer> deciding = failed.stream().min(Integer::compare);
      exitCode = deciding.flatMap(journal::exitCode).orElse(ExitCodes.SUCCESS);
      cause =
          deciding
              .map(
                  i ->
                      "shard "
                          + i
                          + ": "
                          + journal.cause(i).orElse("exit " + journal.exitCode(i).orElse(-1)))
              .orElse(null);
    } else {
      cause = "no outcome recorded (still running, or the launcher stopped first: launcher attach)";
    }
    String shards =
        journal.finishedAt().isPresent()
            ? indices.size() - failed.size() + "/" + indices.size() + " ok"
            : indices.size() + " of " + journal.shardCount();
    return new Entry(
        journal.createdAt(),
        journal.runId(),
        journal.task(),
        journal.args(),
        shards,
        exitCode,
        cause,
        "journal");
  }

  private void print(Host host, List<Entry> entries) {
    if (output.json()) {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      json.put("environment", environment.env);
      ArrayNode runs = json.putArray("runs");
      for (Entry e : entries) {
        ObjectNode run = runs.addObject();
        if (e.startedAt() != null) {
          run.put("startedAt", e.startedAt().toString());
        }
        run.put("run", e.run());
        run.put("task", e.task());
        e.args().forEach(run.putArray("args")::add);
        run.put("shards", e.shards());
        if (e.exitCode() != null) {
          run.put("exitCode", e.exitCode());
        }
        if (e.cause() != null) {
          run.put("cause", e.cause());
        }
        run.put("source", e.source());
      }
      host.terminal().result(JsonFiles.pretty(json));
      return;
    }
    if (entries.isEmpty()) {
      host.terminal()
          .info(
              "no runs of "
                  + (task == null ? "any task" : task)
                  + " in "
                  + environment.env
                  + " in this machine's journal or among ECS's recently stopped tasks");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("STARTED", "RUN / TASK ID", "TASK", "ARGS", "SHARDS", "EXIT", "CAUSE"));
    for (Entry e : entries) {
      rows.add(
          List.of(
              e.startedAt() == null ? "-" : TaskTable.STARTED.format(e.startedAt()),
              e.run(),
              e.task(),
              String.join(" ", e.args()),
              e.shards(),
              e.exitCode() == null ? "-" : e.exitCode().toString(),
              e.cause() == null ? "-" : e.cause()));
    }
    TaskTable.align(rows).forEach(host.terminal()::result);
  }
}
