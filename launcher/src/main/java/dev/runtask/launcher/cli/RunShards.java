package dev.runtask.launcher.cli;

import dev.runtask.launcher.aws.LaunchedTasks;
import dev.runtask.launcher.fanout.RunJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The shards of a fan-out run by its id, for {@code logs} and {@code stop}: the tasks ECS still
 * knows by their {@code run-id} tag (any launcher's run, within about an hour), then what this
 * machine's journal recorded for the others.
 */
final class RunShards {
  /** One shard: its index, its label ({@code [03/16]}), its task ARN and, when ECS knows it, it. */
  record Shard(int index, String label, String taskArn, Optional<Task> task) {}

  private RunShards() {}

  /**
   * Empty when no task ECS knows and no journal of this machine has that run id (it may then be the
   * id of a single task: emulators use UUIDs for those).
   */
  static List<Shard> of(
      LaunchedTasks tasks, String cluster, Map<String, String> env, String runId) {
    Map<Integer, Shard> shards = new TreeMap<>();
    for (Task t : tasks.list(cluster)) {
      Optional<String> run = LaunchedTasks.tag(t, "run-id");
      Optional<String> shard = LaunchedTasks.tag(t, "shard");
      if (run.isPresent() && run.get().equals(runId) && shard.isPresent()) {
        int index = Integer.parseInt(shard.get().substring(0, shard.get().indexOf('/')));
        shards.put(index, new Shard(index, "[" + shard.get() + "]", t.taskArn(), Optional.of(t)));
      }
    }
    Optional<RunJournal> journal = RunJournal.find(env, runId);
    if (journal.isPresent()) {
      for (int index : journal.get().indices()) {
        if (!shards.containsKey(index)) {
          String label = "[" + index + "/" + journal.get().shardCount() + "]";
          journal
              .get()
              .taskArn(index)
              .ifPresent(arn -> shards.put(index, new Shard(index, label, arn, Optional.empty())));
        }
      }
    }
    return new ArrayList<>(shards.values());
  }
}
