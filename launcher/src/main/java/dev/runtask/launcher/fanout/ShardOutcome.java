package dev.runtask.launcher.fanout;

import java.time.Duration;
import java.util.Objects;

/**
 * How one shard of a fan-out ended: its exit code and, unless it succeeded, one line of cause.
 *
 * @param taskArn the ECS task, null for a local shard or one that never started
 * @param took from start to stop; null when the shard never started
 */
public record ShardOutcome(
    int index, int count, int exitCode, String cause, String taskArn, Duration took) {
  public ShardOutcome {
    Objects.checkIndex(index, count);
  }

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** {@code [07/16]}: the index padded to the width of the count, as every shard line starts. */
  public static String label(int index, int count) {
    int width = String.valueOf(count).length();
    return "[" + String.format("%0" + width + "d", index) + "/" + count + "]";
  }

  public String label() {
    return label(index, count);
  }
}
