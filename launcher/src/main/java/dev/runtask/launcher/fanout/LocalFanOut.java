package dev.runtask.launcher.fanout;

import dev.runtask.contract.EnvironmentVariables;
import dev.runtask.contract.ExitCodes;
import dev.runtask.launcher.explain.Outcome;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.io.TaskOutput;
import dev.runtask.launcher.platform.LocalPlatform;
import dev.runtask.launcher.run.RunPlan;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code run -e local --shards N [--max-parallel M]}: N child JVMs of the plan (as {@link
 * LocalPlatform} starts one), at most M at once, a work queue in index order (the next starts as
 * one stops); each with SHARD_INDEX, SHARD_COUNT and the one RUNTASK_RUN_ID; every output line
 * prefixed with its shard. Ctrl-C: no new shard starts and the running ones get SIGTERM; again:
 * SIGKILL.
 */
public final class LocalFanOut {
  private final Host host;
  private final LocalPlatform platform;
  private final Set<Process> running = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger finished = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private Instant begun;
  private int total;

  public LocalFanOut(Host host, LocalPlatform platform) {
    this.host = host;
    this.platform = platform;
  }

  /**
   * Runs the shards {@code indices} of {@code count} (all, or the failed ones of {@code retryOf}).
   */
  public FanOutResult run(
      RunPlan plan, int count, List<Integer> indices, int maxParallel, String retryOf) {
    String runId = UUID.randomUUID().toString();
    platform.childProcess(plan); // a missing tasks.jar is bad input before any shard starts
    RunJournal journal = RunJournal.start(host.env(), runId, plan, count, indices, retryOf, null);
    host.terminal()
        .info(
            "launcher: "
                + FanOutResult.startLine(
                    runId,
                    indices.size(),
                    count,
                    plan.task() + ", at most " + maxParallel + " at once"));
    begun = Instant.now();
    total = indices.size();
    host.interrupts().onInterrupt(this::interrupted);
    ExecutorService workers =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(indices.size(), maxParallel)),
            r -> {
              Thread t = new Thread(r, "shard-runner");
              t.setDaemon(true);
              return t;
            });
    List<ShardOutcome> outcomes = new ArrayList<>();
    try {
      List<Future<ShardOutcome>> futures = new ArrayList<>();
      for (int index : indices) {
        futures.add(workers.submit(() -> runShard(plan, index, count, runId)));
      }
      for (Future<ShardOutcome> f : futures) {
        outcomes.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.forEach(p -> p.toHandle().destroy());
    } catch (ExecutionException e) {
      throw new IllegalStateException("a shard runner failed", e.getCause());
    } finally {
      host.interrupts().onInterrupt(null);
      workers.shutdownNow();
      host.terminal().endProgress();
    }
    FanOutResult result = new FanOutResult(plan.environment().name(), plan.task(), runId, outcomes);
    journal.finished(outcomes);
    result.summary().forEach(line -> host.terminal().info("launcher: " + line));
    return result;
  }

  private void interrupted() {
    if (stopping.compareAndSet(false, true)) {
      host.terminal()
          .info(
              "launcher: interrupted: no new shard starts; SIGTERM to the "
                  + running.size()
                  + " running (Ctrl-C again to kill them)");
      running.forEach(p -> p.toHandle().destroy());
    } else {
      running.forEach(p -> p.toHandle().destroyForcibly());
    }
  }

  private ShardOutcome runShard(RunPlan plan, int index, int count, String runId) {
    String label = ShardOutcome.label(index, count);
    if (stopping.get()) {
      return new ShardOutcome(
          index, count, ExitCodes.WAIT_INTERRUPTED, "not started: interrupted", null, null);
    }
    ProcessBuilder builder = platform.childProcess(plan);
    builder.environment().put(EnvironmentVariables.SHARD_INDEX, Integer.toString(index));
    builder.environment().put(EnvironmentVariables.SHARD_COUNT, Integer.toString(count));
    builder.environment().put(EnvironmentVariables.RUN_ID, runId);
    Instant start = Instant.now();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      failed.incrementAndGet();
      return new ShardOutcome(
          index, count, ExitCodes.NEVER_RAN, "cannot start java: " + e.getMessage(), null, null);
    }
    running.add(process);
    if (stopping.get()) {
      process.toHandle().destroy(); // interrupted between the check above and the start
    }
    started.incrementAndGet();
    transition(label + " started");
    boolean json = plan.options().json();
    AtomicReference<String> lastError = new AtomicReference<>();
    TaskOutput output = TaskOutput.of(host, json);
    Thread out =
        LocalPlatform.pump(process.getInputStream(), line -> output.shardLine(label, line, false));
    Thread err =
        LocalPlatform.pump(
            process.getErrorStream(),
            line -> {
              output.shardLine(label, line, true);
              if (!line.isBlank()) {
                lastError.set(line.strip());
              }
            });
    int code;
    try {
      code = process.waitFor();
      out.join();
      err.join();
    } catch (InterruptedException e) {
      process.toHandle().destroyForcibly();
      Thread.currentThread().interrupt();
      code = ExitCodes.WAIT_INTERRUPTED;
    } finally {
      running.remove(process);
    }
    Duration took = Duration.between(start, Instant.now());
    Outcome outcome = LocalPlatform.explain(code, plan);
    String cause = null;
    if (code != 0) {
      failed.incrementAndGet();
      cause = lastError.get() != null ? lastError.get() : outcome.explanation();
    }
    finished.incrementAndGet();
    transition(label + " exited " + code + " after " + seconds(took));
    return new ShardOutcome(index, count, code, cause, null, took);
  }

  /** Off a terminal a line per shard transition; on one, the live summary line. */
  private void transition(String line) {
    if (host.terminal().interactive()) {
      int done = finished.get();
      int runningNow = started.get() - done;
      host.terminal()
          .progress(
              "shards: "
                  + (total - started.get())
                  + " pending, "
                  + runningNow
                  + " running, "
                  + (done - failed.get())
                  + " succeeded, "
                  + failed.get()
                  + " failed · "
                  + seconds(Duration.between(begun, Instant.now())));
    } else {
      host.terminal().info("launcher: " + line);
    }
  }

  private static String seconds(Duration d) {
    return String.format("%.1f s", d.toMillis() / 1000.0);
  }
}
