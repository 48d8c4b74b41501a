package dev.runtask.launcher.fanout;

import dev.runtask.contract.ExitCodes;
import dev.runtask.launcher.aws.AwsClients;
import dev.runtask.launcher.aws.LogStream;
import dev.runtask.launcher.aws.StoppedTask;
import dev.runtask.launcher.explain.Outcome;
import dev.runtask.launcher.explain.StopExplainer;
import dev.runtask.launcher.explain.StopFacts;
import dev.runtask.launcher.fanout.EcsFanOut.Logs;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.io.TaskOutput;
import dev.runtask.launcher.run.RunPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The one watch of an ECS fan-out's shards until each has ended: DescribeTasks for up to 100 shards
 * per call, each shard's transitions (also those the launching threads report), shards ECS no
 * longer knows, the live progress line on a terminal, the shards' log lines through {@link
 * FanOutLogs}, and Ctrl-C. A shard that stops frees its {@code --max-parallel} slot for the next
 * launch.
 */
final class ShardWatch {
  static final int TASKS_PER_DESCRIBE = 100;
  static final int MAX_CONSECUTIVE_FAILURES = 10;

  /**
   * Polls in a row in which DescribeTasks does not know a shard's task before it is given up: a new
   * task can be briefly unknown (eventual consistency), but ECS forgets stopped tasks after about
   * an hour, and a late {@code attach RUN_ID} must end rather than wait for them forever.
   */
  static final int MAX_MISSING = 30;

  private final Host host;
  private final AwsClients clients;
  private final RunPlan plan;
  private final List<EcsShard> shards;
  private final Semaphore slots;
  private final Logs logs;
  private final AtomicBoolean interrupted = new AtomicBoolean();
  private final Semaphore wakeUp = new Semaphore(0);
  private FanOutLogs lines;
  private int describeCalls;

  ShardWatch(
      Host host,
      AwsClients clients,
      RunPlan plan,
      List<EcsShard> shards,
      Semaphore slots,
      Logs logs) {
    this.host = host;
    this.clients = clients;
    this.plan = plan;
    this.shards = shards;
    this.slots = slots;
    this.logs = logs;
  }

  /** The Ctrl-C handler: the watch stops at once, not after its pause. */
  void interrupt() {
    interrupted.set(true);
    wakeUp.release();
  }

  boolean interrupted() {
    return interrupted.get();
  }

  /**
   * Polls until every shard has ended, Ctrl-C, or DescribeTasks failed {@link
   * #MAX_CONSECUTIVE_FAILURES} times in a row (then the shards not ended end with that failure).
   */
  void untilEnded() {
    // Made here rather than in the constructor: a --no-wait fan-out reads no logs and so never
    // builds a CloudWatch Logs client.
    lines = new FanOutLogs(clients.logs(), TaskOutput.of(host, plan.options().json()));
    String cluster = plan.environment().config().cluster();
    int failuresInARow = 0;
    Instant begun = Instant.now();
    while (!interrupted.get() && !shards.stream().allMatch(EcsShard::ended)) {
      List<EcsShard> running = shards.stream().filter(EcsShard::running).toList();
      if (logs == Logs.ALL) {
        running.forEach(s -> stream(s).ifPresent(st -> lines.follow(s.label(), st)));
      }
      try {
        for (int from = 0; from < running.size(); from += TASKS_PER_DESCRIBE) {
          List<EcsShard> batch =
              running.subList(from, Math.min(running.size(), from + TASKS_PER_DESCRIBE));
          describeCalls++;
          DescribeTasksResponse described =
              clients
                  .ecs()
                  .describeTasks(
                      b ->
                          b.cluster(cluster).tasks(batch.stream().map(EcsShard::taskArn).toList()));
          Map<String, EcsShard> byArn = new HashMap<>();
          batch.forEach(s -> byArn.putIfAbsent(s.taskArn(), s));
          Set<String> known = new HashSet<>();
          for (Task task : described.tasks()) {
            known.add(task.taskArn());
            EcsShard s = byArn.get(task.taskArn());
            if (s != null) {
              s.missing = 0;
              seen(s, task);
            }
          }
          // Unknown tasks come back as failures[] MISSING (real ECS) or not at all (moto).
          for (EcsShard s : batch) {
            if (!known.contains(s.taskArn())) {
              missing(s, "MISSING");
            }
          }
        }
        if (lines.following()) {
          lines.poll();
        }
        failuresInARow = 0;
      } catch (SdkException e) {
        failuresInARow++;
        host.terminal()
            .info(
                "launcher: AWS call failed while waiting ("
                    + failuresInARow
                    + " in a row): "
                    + ShardLauncher.oneLine(e.getMessage()));
        if (failuresInARow >= MAX_CONSECUTIVE_FAILURES) {
          gaveUp(e);
          return;
        }
      }
      progress(begun);
      pause(plan.options().pollInterval());
    }
  }

  private void seen(EcsShard shard, Task task) {
    if (shard.status(task.lastStatus())) {
      if (!"STOPPED".equals(task.lastStatus())) {
        transition(shard, task.lastStatus());
      }
    }
    if (!"STOPPED".equals(task.lastStatus())) {
      return;
    }
    StopFacts facts = StoppedTask.facts(task, plan.definition().containerName());
    Outcome outcome = StopExplainer.explain(facts, plan.memoryHint());
    shard.ended(outcome.exitCode(), outcome.explanation());
    slots.release();
    transition(
        shard,
        "STOPPED, exit "
            + outcome.exitCode()
            + (outcome.explanation() == null ? "" : ": " + outcome.explanation()));
    if (logs == Logs.FAILED && outcome.exitCode() != 0) {
      stream(shard).ifPresent(st -> lines.follow(shard.label(), st));
    }
  }

  private void missing(EcsShard shard, String reason) {
    if (++shard.missing < MAX_MISSING) {
      return;
    }
    shard.ended(
        ExitCodes.AWS_CALL_FAILED,
        "ECS does not know task "
            + shard.taskArn()
            + " ("
            + reason
            + " "
            + MAX_MISSING
            + " polls in a row; it keeps stopped tasks about an hour): its outcome is unknown");
    slots.release();
    transition(shard, "unknown to ECS: " + reason);
  }

  private Optional<LogStream> stream(EcsShard shard) {
    return LogStream.of(plan.definition().container(), shard.taskArn());
  }

  /**
   * After Ctrl-C, once no launch is under way: asks once (or --stop-on-interrupt) whether to stop
   * every running shard, and ends each as interrupted.
   */
  void stopOrLeaveRunning() {
    List<EcsShard> running = shards.stream().filter(EcsShard::running).toList();
    boolean stop = plan.options().stopOnInterrupt();
    if (!stop && host.terminal().interactive() && !running.isEmpty()) {
      String answer =
          host.terminal().ask("\nStop all " + running.size() + " running shards? [y/N]");
      stop = answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }
    String cluster = plan.environment().config().cluster();
    for (EcsShard shard : running) {
      if (stop) {
        try {
          clients
              .ecs()
              .stopTask(
                  r -> r.cluster(cluster).task(shard.taskArn()).reason("launcher: interrupted"));
        } catch (SdkException e) {
          host.terminal()
              .info("launcher: " + shard.label() + " StopTask failed: " + e.getMessage());
        }
      }
      shard.ended(
          ExitCodes.WAIT_INTERRUPTED,
          stop ? "interrupted: asked ECS to stop it" : "interrupted: still running");
    }
  }

  private void gaveUp(SdkException e) {
    for (EcsShard shard : shards) {
      if (!shard.ended()) {
        shard.ended(
            ExitCodes.AWS_CALL_FAILED,
            "DescribeTasks failed "
                + MAX_CONSECUTIVE_FAILURES
                + " times in a row ("
                + ShardLauncher.oneLine(e.getMessage())
                + "); it may still be running");
      }
    }
  }

  /** After the last shard stopped: the lines written just before, until two polls bring none. */
  void drain() {
    Instant deadline = Instant.now().plus(plan.options().logGrace());
    int empty = 0;
    while (lines.following() && empty < 2 && Instant.now().isBefore(deadline)) {
      try {
        empty = lines.poll() == 0 ? empty + 1 : 0;
      } catch (SdkException e) {
        host.terminal().info("launcher: could not read the last log lines: " + e.getMessage());
        return;
      }
    }
  }

  /** The AWS calls the watch made, for the last line of a fan-out. */
  String calls() {
    return describeCalls + " DescribeTasks, " + lines.calls() + " FilterLogEvents";
  }

  /**
   * Off a terminal a line per shard transition. The launching threads report theirs here too, so
   * every shard line is written one way.
   */
  void transition(EcsShard shard, String what) {
    if (!host.terminal().interactive()) {
      host.terminal().info("launcher: " + shard.label() + " " + what);
    }
  }

  /** On a terminal the live line: pending / running / succeeded / failed, slowest, elapsed. */
  private void progress(Instant begun) {
    if (!host.terminal().interactive()) {
      return;
    }
    int pending = 0;
    int running = 0;
    int succeeded = 0;
    int failed = 0;
    EcsShard slowest = null;
    for (EcsShard s : shards) {
      if (s.running()
          && s.startedAt() != null
          && (slowest == null || s.startedAt().isBefore(slowest.startedAt()))) {
        slowest = s;
      }
      if (s.ended()) {
        if (s.outcome().succeeded()) {
          succeeded++;
        } else {
          failed++;
        }
      } else if (s.running()) {
        running++;
      } else {
        pending++;
      }
    }
    host.terminal()
        .progress(
            "shards: "
                + pending
                + " pending · "
                + running
                + " running · "
                + succeeded
                + " succeeded · "
                + failed
                + " failed · "
                + (slowest == null
                    ? ""
                    : "slowest "
                        + slowest.label()
                        + " "
                        + Duration.between(slowest.startedAt(), Instant.now()).toSeconds()
                        + " s · ")
                + Duration.between(begun, Instant.now()).toSeconds()
                + " s");
  }

  private void pause(Duration d) {
    try {
      wakeUp.tryAcquire(d.toMillis(), TimeUnit.MILLISECONDS);
      wakeUp.drainPermits();
    } catch (InterruptedException e) {
      interrupted.set(true);
      Thread.currentThread().interrupt();
    }
  }
}
