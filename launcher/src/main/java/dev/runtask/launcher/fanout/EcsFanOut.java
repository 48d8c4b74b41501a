package dev.runtask.launcher.fanout;

import dev.runtask.contract.ExitCodes;
import dev.runtask.launcher.aws.AwsClients;
import dev.runtask.launcher.aws.TaskStarter;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.platform.EcsPlatform;
import dev.runtask.launcher.run.RunPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code run -e ENV --shards N} on ECS, and {@code attach RUN_ID}: the run's revision registered
 * once (as a single run does it), one RunTask per shard with its own variables, tags and
 * clientToken ({@link ShardLauncher}), paced by a token bucket at the environment's launch limit
 * and journaled; one {@link ShardWatch} for the whole fan-out while they run; then the journal's
 * end, the summary and one exit code ({@link FanOutResult}).
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

  static final int LAUNCH_THREADS = 8;

  /** The cause of a shard that was still waiting for its launch when the fan-out was stopped. */
  private static final String NOT_STARTED = "not started: the fan-out was interrupted";

  private final Host host;
  private final AwsClients clients;

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
    RunJournal journal =
        RunJournal.start(host.env(), runId, plan, count, indices, retryOf, prepared.launch());
    host.terminal()
        .info(
            "launcher: "
                + FanOutResult.startLine(
                    runId,
                    indices.size(),
                    count,
                    prepared.registration().familyRevision()
                        + (maxParallel == null ? "" : ", at most " + maxParallel + " at once")
                        + pacingNote(plan)));
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
      RunPlan plan, RunJournal journal, TaskStarter.Launch launch, Integer maxParallel, Logs logs) {
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
    ShardWatch watch = new ShardWatch(host, clients, plan, shards, slots, logs);
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
      launching.submit(() -> launchOne(launcher, journal, shard, slots, stopLaunching, watch));
    }
    launching.shutdown();
    // Set before the --no-wait return as well: a Ctrl-C while the launches finish then lets them
    // finish and be journaled rather than halting the JVM half-way.
    host.interrupts().onInterrupt(watch::interrupt);
    if (!plan.options().waitForStop()) {
      return launchedOnly(plan, journal, shards, launching);
    }
    try {
      watch.untilEnded();
      if (watch.interrupted()) {
        stopLaunching.set(true);
        awaitLaunches(launching);
        watch.stopOrLeaveRunning();
      }
    } finally {
      host.interrupts().onInterrupt(null);
      host.terminal().endProgress();
    }
    watch.drain();
    List<ShardOutcome> outcomes = shards.stream().map(EcsShard::outcome).toList();
    journal.finished(outcomes);
    FanOutResult result = new FanOutResult(plan.environment().name(), plan.task(), runId, outcomes);
    result.summary().forEach(line -> host.terminal().info("launcher: " + line));
    host.terminal().info("launcher: AWS calls while waiting: " + watch.calls());
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
      AtomicBoolean stopLaunching,
      ShardWatch watch) {
    try {
      while (!slots.tryAcquire(50, TimeUnit.MILLISECONDS)) {
        if (stopLaunching.get()) {
          shard.ended(ExitCodes.WAIT_INTERRUPTED, NOT_STARTED);
          return;
        }
      }
      if (stopLaunching.get()) {
        shard.ended(ExitCodes.WAIT_INTERRUPTED, NOT_STARTED);
        slots.release();
        return;
      }
      launcher.launch(shard);
      if (shard.ended()) {
        slots.release();
        watch.transition(shard, "never ran: " + shard.outcome().cause());
      } else {
        journal.launched(shard.index, shard.taskArn(), shard.clientToken);
        watch.transition(shard, "started " + shard.taskArn());
      }
    } catch (InterruptedException e) {
      shard.ended(ExitCodes.WAIT_INTERRUPTED, NOT_STARTED);
    } catch (RuntimeException e) {
      shard.ended(ExitCodes.LAUNCHER_FAILED, "launching failed: " + e);
    }
  }

  private static void awaitLaunches(ExecutorService launching) {
    try {
      launching.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
