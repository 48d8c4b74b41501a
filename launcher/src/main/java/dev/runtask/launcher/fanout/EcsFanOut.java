package dev.runtask.launcher.fanout;

import dev.runtask.contract.ExitCodes;
import dev.runtask.launcher.aws.AwsClients;
import dev.runtask.launcher.aws.LogStream;
import dev.runtask.launcher.aws.StoppedTask;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.explain.Outcome;
import dev.runtask.launcher.explain.StopExplainer;
import dev.runtask.launcher.explain.StopFacts;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.io.TaskOutput;
import dev.runtask.launcher.platform.EcsPlatform;
import dev.runtask.launcher.run.RunPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * {@code run -e ENV --shards N} on ECS: the run's revision registered once (as a single run does
 * it), one RunTask per shard with its own variables, tags and clientToken, paced by a token bucket
 * at the environment's launch limit; then one watch for the whole fan-out — DescribeTasks for up to
 * 100 shards per call, logs through {@link FanOutLogs} — and one exit code ({@link FanOutResult}).
 */
public final class EcsFanOut {
  /** Which shards' log lines are printed. */
  public enum Logs {
    ALL,
    FAILED,
    NONE;

    /** All for a handful of shards; for more, only the failed ones' (in full, once they stop). */
    public static Logs defaultFor(int shards) {
      return shards <= 10 ? ALL : FAILED;
    }
  }

  static final int TASKS_PER_DESCRIBE = 100;
  static final int LAUNCH_THREADS = 8;
  static final int MAX_CONSECUTIVE_FAILURES = 10;

  /**
   * Polls in a row in which DescribeTasks does not know a shard's task before it is given up: a new
   * task can be briefly unknown (eventual consistency), but ECS forgets stopped tasks after about
   * an hour, and a late {@code attach RUN_ID} must end rather than wait for them forever.
   */
  static final int MAX_MISSING = 30;

  private final Host host;
  private final AwsClients clients;
  private final AtomicBoolean interrupted = new AtomicBoolean();
  private final Semaphore wakeUp = new Semaphore(0);
  private int describeCalls;

  public EcsFanOut(Host host, AwsClients clients) {
    this.host = host;
    this.clients = clients;
  }

  /**
   * Launches the shards {@code indices} of {@code count} (all of them, or the failed ones of {@code
   * retryOf}) under a new run id, journaled, and watches them to the end.
   */
  public FanOutResult run(
      RunPlan plan,
      int count,
      List<Integer> indices,
      Integer maxParallel,
      Logs logs,
      String retryOf) {
    EcsPlatform.Prepared prepared = new EcsPlatform(host, clients).prepare(plan);
    String runId = UUID.randomUUID().toString();
    List<String> masked = plan.redactedCommand().subList(1, plan.redactedCommand().size());
    RunJournal journal =
        RunJournal.start(
            host.env(),
            runId,
            plan.environment().name(),
            plan.task(),
            masked,
            !plan.redactedCommand().equals(plan.command()),
            count,
            indices,
            retryOf,
            prepared.launch());
    host.terminal()
        .info(
            "launcher: run "
                + runId
                + ": "
                + (indices.size() == count ? "" : indices.size() + " of ")
                + count
                + " shards of "
                + prepared.registration().familyRevision()
                + (maxParallel == null ? "" : ", at most " + maxParallel + " at once")
                + pacingNote(plan));
    return execute(plan, journal, prepared.launch(), maxParallel, logs);
  }

  /**
   * Reattaches to a journaled fan-out: watches the shards it knows the task of; a shard whose
   * RunTask was never answered is launched again with its journaled clientToken, which ECS answers
   * with the task the first call started, if it started one (within 24 hours).
   */
  public FanOutResult attach(RunPlan plan, RunJournal journal, Logs logs) {
    host.terminal()
        .info(
            "launcher: attached to run "
                + journal.runId()
                + ": "
                + journal.indices().size()
                + " shards of "
                + journal.task());
    return execute(plan, journal, journal.launch().orElse(null), null, logs);
  }

  private static String pacingNote(RunPlan plan) {
    EnvironmentConfig.LaunchPacing pacing = plan.environment().config().launchPacingOrDefault();
    return "; RunTask paced at " + pacing.perSecond() + "/s (burst " + pacing.burst() + ")";
  }

  private FanOutResult execute(
      RunPlan plan,
      RunJournal journal,
      dev.runtask.launcher.aws.TaskStarter.Launch launch,
      Integer maxParallel,
      Logs logs) {
    EnvironmentConfig config = plan.environment().config();
    EnvironmentConfig.LaunchPacing pacing = config.launchPacingOrDefault();
    String runId = journal.runId();
    int count = journal.shardCount();
    List<EcsShard> shards = new ArrayList<>();
    List<EcsShard> toLaunch = new ArrayList<>();
    for (int i : journal.indices()) {
      EcsShard shard = new EcsShard(i, count);
      shards.add(shard);
      journal
          .taskArn(i)
          .ifPresentOrElse(arn -> shard.started(arn, "ATTACHED"), () -> toLaunch.add(shard));
    }
    Duration backoff = min(plan.options().pollInterval(), Duration.ofMillis(250));
    ShardLauncher launcher =
        new ShardLauncher(
            clients.ecs(),
            config,
            launch,
            runId,
            TokenBucket.system(pacing.perSecond(), pacing.burst()),
            backoff);
    Semaphore slots =
        new Semaphore(
            maxParallel == null
                ? shards.size()
                : Math.max(0, maxParallel - (shards.size() - toLaunch.size())));
    AtomicBoolean stopLaunching = new AtomicBoolean();
    ExecutorService launching =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(LAUNCH_THREADS, toLaunch.size())),
            r -> {
              Thread t = new Thread(r, "shard-launch");
              t.setDaemon(true);
              return t;
            });
    for (EcsShard shard : toLaunch) {
      if (launch == null) {
        shard.ended(
            ExitCodes.NEVER_RAN,
            "not launched before the launcher stopped, and its arguments held secrets the journal"
                + " does not keep: rerun it with --retry-failed "
                + runId
                + " -- ARGS");
        continue;
      }
      launching.submit(() -> launchOne(launcher, journal, shard, slots, stopLaunching));
    }
    launching.shutdown();
    host.interrupts()
        .onInterrupt(
            () -> {
              interrupted.set(true);
              wakeUp.release();
            });
    if (!plan.options().waitForStop()) {
      return launchedOnly(plan, journal, shards, launching);
    }
    FanOutLogs lines = new FanOutLogs(clients.logs(), TaskOutput.of(host, plan.options().json()));
    try {
      watch(plan, shards, slots, logs, lines);
      if (interrupted.get()) {
        stopLaunching.set(true);
        awaitLaunches(launching);
        interrupted(plan, shards);
      }
    } finally {
      host.interrupts().onInterrupt(null);
      host.terminal().endProgress();
    }
    drain(lines, plan.options().logGrace());
    List<ShardOutcome> outcomes = shards.stream().map(EcsShard::outcome).toList();
    journal.finished(outcomes);
    FanOutResult result = new FanOutResult(plan.environment().name(), plan.task(), runId, outcomes);
    result.summary().forEach(line -> host.terminal().info("launcher: " + line));
    host.terminal()
        .info(
            "launcher: AWS calls while waiting: "
                + describeCalls
                + " DescribeTasks, "
                + lines.calls()
                + " FilterLogEvents");
    return result;
  }

  /** {@code --no-wait}: every shard launched (or not), journaled; {@code attach RUN_ID} follows. */
  private FanOutResult launchedOnly(
      RunPlan plan, RunJournal journal, List<EcsShard> shards, ExecutorService launching) {
    awaitLaunches(launching);
    List<ShardOutcome> outcomes = new ArrayList<>();
    List<ShardOutcome> neverRan = new ArrayList<>();
    for (EcsShard s : shards) {
      if (s.ended()) {
        outcomes.add(s.outcome());
        neverRan.add(s.outcome());
      } else {
        outcomes.add(new ShardOutcome(s.index, s.count, 0, null, s.taskArn(), null));
      }
    }
    journal.finished(neverRan);
    FanOutResult result =
        new FanOutResult(plan.environment().name(), plan.task(), journal.runId(), outcomes);
    if (!neverRan.isEmpty()) {
      result.summary().forEach(line -> host.terminal().info("launcher: " + line));
    }
    host.terminal()
        .info(
            "launcher: run "
                + journal.runId()
                + ": "
                + (shards.size() - neverRan.size())
                + " shards launched; follow them with `launcher attach -e "
                + plan.environment().name()
                + " "
                + journal.runId()
                + "`");
    return result;
  }

  private void launchOne(
      ShardLauncher launcher,
      RunJournal journal,
      EcsShard shard,
      Semaphore slots,
      AtomicBoolean stopLaunching) {
    try {
      while (!slots.tryAcquire(50, TimeUnit.MILLISECONDS)) {
        if (stopLaunching.get()) {
          shard.ended(ExitCodes.WAIT_INTERRUPTED, "not started: the fan-out was interrupted");
          return;
        }
      }
      if (stopLaunching.get()) {
        shard.ended(ExitCodes.WAIT_INTERRUPTED, "not started: the fan-out was interrupted");
        slots.release();
        return;
      }
      launcher.launch(shard);
      if (shard.ended()) {
        slots.release();
        transition(shard, "never ran: " + shard.outcome().cause());
      } else {
        journal.launched(shard.index, shard.taskArn(), shard.clientToken);
        transition(shard, "started " + shard.taskArn());
      }
    } catch (InterruptedException e) {
      shard.ended(ExitCodes.WAIT_INTERRUPTED, "not started: the fan-out was interrupted");
    } catch (RuntimeException e) {
      shard.ended(ExitCodes.LAUNCHER_FAILED, "launching failed: " + e);
    }
  }

  private void watch(
      RunPlan plan, List<EcsShard> shards, Semaphore slots, Logs logs, FanOutLogs lines) {
    String cluster = plan.environment().config().cluster();
    int failuresInARow = 0;
    Instant begun = Instant.now();
    while (!interrupted.get() && !shards.stream().allMatch(EcsShard::ended)) {
      List<EcsShard> running = shards.stream().filter(EcsShard::running).toList();
      if (logs == Logs.ALL) {
        running.forEach(s -> stream(plan, s).ifPresent(st -> lines.follow(s.label(), st)));
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
          for (Task task : described.tasks()) {
            batch.stream()
                .filter(s -> task.taskArn().equals(s.taskArn()))
                .findFirst()
                .ifPresent(
                    s -> {
                      s.missing = 0;
                      seen(plan, s, task, slots, logs, lines);
                    });
          }
          // Unknown tasks come back as failures[] MISSING (real ECS) or not at all (moto).
          java.util.Set<String> known = new java.util.HashSet<>();
          described.tasks().forEach(t -> known.add(t.taskArn()));
          for (EcsShard s : batch) {
            if (!known.contains(s.taskArn())) {
              missing(s, "MISSING", slots);
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
          gaveUp(shards, e);
          return;
        }
      }
      progress(shards, begun);
      pause(plan.options().pollInterval());
    }
  }

  private void seen(
      RunPlan plan, EcsShard shard, Task task, Semaphore slots, Logs logs, FanOutLogs lines) {
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
      stream(plan, shard).ifPresent(st -> lines.follow(shard.label(), st));
    }
  }

  private void missing(EcsShard shard, String reason, Semaphore slots) {
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

  private java.util.Optional<LogStream> stream(RunPlan plan, EcsShard shard) {
    return LogStream.of(plan.definition().container(), shard.taskArn());
  }

  /** Ctrl-C: ask once (or --stop-on-interrupt) whether to stop every running shard. */
  private void interrupted(RunPlan plan, List<EcsShard> shards) {
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

  private void gaveUp(List<EcsShard> shards, SdkException e) {
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
  private void drain(FanOutLogs lines, Duration grace) {
    Instant deadline = Instant.now().plus(grace);
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

  private static void awaitLaunches(ExecutorService launching) {
    try {
      launching.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Off a terminal a line per shard transition. */
  private void transition(EcsShard shard, String what) {
    if (!host.terminal().interactive()) {
      host.terminal().info("launcher: " + shard.label() + " " + what);
    }
  }

  /** On a terminal the live line: pending / running / succeeded / failed, slowest, elapsed. */
  private void progress(List<EcsShard> shards, Instant begun) {
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

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
