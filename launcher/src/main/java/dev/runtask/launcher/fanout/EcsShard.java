package dev.runtask.launcher.fanout;

import java.time.Duration;
import java.time.Instant;

/**
 * One shard of an ECS fan-out as the launcher sees it: launched or not, its task, last status and,
 * once it ended, its outcome. Written by the launching threads and the watch loop.
 */
final class EcsShard {
  final int index;
  final int count;
  private String taskArn;
  private String lastStatus = "LAUNCHING";
  private Instant startedAt;
  private ShardOutcome outcome;

  /** DescribeTasks answers in a row that did not know this shard's task (failures MISSING). */
  int missing;

  /** The clientToken of the last RunTask call for this shard. */
  volatile String clientToken;

  EcsShard(int index, int count) {
    this.index = index;
    this.count = count;
  }

  String label() {
    return ShardOutcome.label(index, count);
  }

  synchronized void started(String arn, String status) {
    taskArn = arn;
    lastStatus = status;
    startedAt = Instant.now();
  }

  /** Records a new status; true when it changed. */
  synchronized boolean status(String status) {
    if (status == null || status.equals(lastStatus)) {
      return false;
    }
    lastStatus = status;
    return true;
  }

  synchronized void ended(int exitCode, String cause) {
    if (outcome == null) {
      Duration took = startedAt == null ? null : Duration.between(startedAt, Instant.now());
      outcome = new ShardOutcome(index, count, exitCode, cause, taskArn, took);
    }
  }

  synchronized String taskArn() {
    return taskArn;
  }

  synchronized Instant startedAt() {
    return startedAt;
  }

  synchronized String lastStatus() {
    return lastStatus;
  }

  synchronized boolean running() {
    return taskArn != null && outcome == null;
  }

  synchronized boolean ended() {
    return outcome != null;
  }

  synchronized ShardOutcome outcome() {
    return outcome;
  }
}
