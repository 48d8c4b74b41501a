package dev.runtask.launcher.cli;

import dev.runtask.launcher.aws.LaunchedTasks;
import dev.runtask.launcher.fanout.RunJournal;
import dev.runtask.launcher.fanout.ShardOutcome;
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
        tagged(shard.get())
            .ifPresent(
                tag ->
                    shards.put(
                        tag.index(),
                        new Shard(tag.index(), tag.label(), t.taskArn(), Optional.of(t))));
      }
    }
    Optional<RunJournal> journal = RunJournal.find(env, runId);
    if (journal.isPresent()) {
      for (int index : journal.get().indices()) {
        if (!shards.containsKey(index)) {
          String label = ShardOutcome.label(index, journal.get().shardCount());
          journal
              .get()
              .taskArn(index)
              .ifPresent(arn -> shards.put(index, new Shard(index, label, arn, Optional.empty())));
        }
      }
    }
    return new ArrayList<>(shards.values());
  }

  /** A shard's index and label from its {@code shard} tag. */
  record Tag(int index, String label) {}

  /**
   * The shard a {@code shard} tag names: the launcher writes {@code INDEX/COUNT}; a tag it did not
   * write (someone's own, on a task of the same run id) names none.
   */
  static Optional<Tag> tagged(String tag) {
    int slash = tag.indexOf('/');
    try {
      int index = Integer.parseInt(tag.substring(0, Math.max(slash, 0)));
      int count = Integer.parseInt(tag.substring(slash + 1));
      return index >= 0 && index < count
          ? Optional.of(new Tag(index, ShardOutcome.label(index, count)))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
