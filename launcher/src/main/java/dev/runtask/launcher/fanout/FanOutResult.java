package dev.runtask.launcher.fanout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What came of a whole fan-out: every shard's outcome and the one exit code of docs/CONTRACTS.md
 * ("Fan-out exit code"): 0 when every shard succeeded, else the code of the failed shard with the
 * lowest index.
 */
public record FanOutResult(
    String environment, String task, String runId, List<ShardOutcome> shards) {
  public FanOutResult {
    shards = shards.stream().sorted(Comparator.comparingInt(ShardOutcome::index)).toList();
  }

  /** The failed shard that decides the exit code: the one with the lowest index. */
  public Optional<ShardOutcome> deciding() {
    return shards.stream().filter(s -> !s.succeeded()).findFirst();
  }

  public int exitCode() {
    return deciding().map(ShardOutcome::exitCode).orElse(0);
  }

  public List<ShardOutcome> failed() {
    return shards.stream().filter(s -> !s.succeeded()).toList();
  }

  /**
   * The line a fan-out starts with, local or on ECS, before any shard starts: the run id (what
   * {@code attach}, {@code logs} and {@code stop} take), how many of how many shards (fewer for
   * {@code --retry-failed}), then {@code of}: what they run, and how.
   */
  static String startLine(String runId, int shards, int count, String of) {
    return "run "
        + runId
        + ": "
        + (shards == count ? "" : shards + " of ")
        + count
        + " shards of "
        + of;
  }

  /** The lines printed at the end: a headline, then one per failed shard. */
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    List<ShardOutcome> failed = failed();
    if (failed.isEmpty()) {
      lines.add("all " + shards.size() + " shards of " + task + " succeeded (run " + runId + ")");
      return lines;
    }
    ShardOutcome first = failed.get(0);
    lines.add(
        failed.size()
            + " of "
            + shards.size()
            + " shards of "
            + task
            + " failed (run "
            + runId
            + "); exit "
            + first.exitCode()
            + ", from the lowest failed shard "
            + first.label()
            + ":");
    for (ShardOutcome s : failed) {
      lines.add(
          "  "
              + s.label()
              + " exit "
              + s.exitCode()
              + (s.cause() == null ? "" : ": " + s.cause())
              + (s.taskArn() == null ? "" : " (" + s.taskArn() + ")"));
    }
    return lines;
  }

  /** The {@code --output json} object of a fan-out: the run, then one entry per shard. */
  public ObjectNode json() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("environment", environment);
    json.put("task", task);
    json.put("runId", runId);
    json.put("shardCount", shards.size());
    json.put("succeeded", shards.size() - failed().size());
    json.put("failed", failed().size());
    json.put("exitCode", exitCode());
    deciding().ifPresent(d -> json.put("decidingShard", d.index()));
    ArrayNode array = json.putArray("shards");
    for (ShardOutcome s : shards) {
      ObjectNode shard = array.addObject();
      shard.put("index", s.index());
      if (s.taskArn() != null) {
        shard.put("taskArn", s.taskArn());
      }
      shard.put("exitCode", s.exitCode());
      if (s.cause() != null) {
        shard.put("cause", s.cause());
      }
      if (s.took() != null) {
        shard.put("durationMillis", s.took().toMillis());
      }
    }
    return json;
  }
}
