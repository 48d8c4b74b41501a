package dev.runtask.launcher.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.contract.LogEvent;
import dev.runtask.launcher.support.FaultProxy;
import dev.runtask.launcher.support.MotoFixture;
import dev.runtask.launcher.support.Projects;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * bench/logs.sh: launcher.jar follows a task whose stream a feeder fills through moto's
 * PutLogEvents (N lines, the last 100 in the second before STOPPED, the runtime's JSON form, its
 * last line the end-of-log marker). Measures lost and repeated lines, display latency (stored → on
 * the launcher's stdout), GetLogEvents and DescribeTasks per second while running, and STOPPED
 * visible → launcher exit. The proxy turns the task STOPPED once the feeder is done: moto cannot
 * stop a task on demand. Arguments: LINES RUNS name=launcher.jar...; runs are interleaved.
 */
public final class LogsBench {
  private static final Pattern SEQ = Pattern.compile("line (\\d{6})");
  private static final long FEED_MS = 8_000;
  private static final int LAST_SECOND_LINES = 100;

  private record RunFigures(
      int lost,
      int repeated,
      List<Long> latenciesMs,
      double logCallsPerS,
      double describesPerS,
      long exitAfterStoppedMs,
      int exitCode) {}

  public static void main(String[] args) throws Exception {
    int lines = Integer.parseInt(args[0]);
    int runs = Integer.parseInt(args[1]);
    Map<String, Path> jars = new java.util.LinkedHashMap<>();
    for (int i = 2; i < args.length; i++) {
      String[] nameJar = args[i].split("=", 2);
      jars.put(nameJar[0], Path.of(nameJar[1]).toAbsolutePath());
    }
    Map<String, List<RunFigures>> figures = new java.util.LinkedHashMap<>();
    jars.keySet().forEach(name -> figures.put(name, new ArrayList<>()));
    for (int run = 1; run <= runs; run++) {
      List<String> order = new ArrayList<>(jars.keySet());
      if (run % 2 == 0) {
        Collections.reverse(order);
      }
      for (String name : order) {
        RunFigures f = run(jars.get(name), lines);
        System.err.printf(
            "run %d %-9s lost %d repeated %d latency p50 %d ms exit after STOPPED %d ms%n",
            run, name, f.lost, f.repeated, percentile(f.latenciesMs, 50), f.exitAfterStoppedMs);
        figures.get(name).add(f);
      }
    }
    System.out.printf(
        "%n%d lines per run (%d in the last second before STOPPED), %d runs each, load %s%n",
        lines, LAST_SECOND_LINES, runs, Files.readString(Path.of("/proc/loadavg")).trim());
    System.out.printf(
        "%-10s %5s %9s %12s %12s %14s %14s %18s%n",
        "",
        "lost",
        "repeated",
        "latency p50",
        "latency p95",
        "GetLogEvents/s",
        "DescribeTasks/s",
        "STOPPED->exit p50");
    Map<String, Long> exitP50 = new java.util.LinkedHashMap<>();
    for (var e : figures.entrySet()) {
      List<RunFigures> fs = e.getValue();
      List<Long> latencies = new ArrayList<>();
      fs.forEach(f -> latencies.addAll(f.latenciesMs));
      long exit = percentile(fs.stream().map(RunFigures::exitAfterStoppedMs).toList(), 50);
      exitP50.put(e.getKey(), exit);
      System.out.printf(
          "%-10s %5d %9d %9d ms %9d ms %14.2f %14.2f %15d ms%n",
          e.getKey(),
          fs.stream().mapToInt(RunFigures::lost).sum(),
          fs.stream().mapToInt(RunFigures::repeated).sum(),
          percentile(latencies, 50),
          percentile(latencies, 95),
          fs.stream().mapToDouble(RunFigures::logCallsPerS).average().orElse(0),
          fs.stream().mapToDouble(RunFigures::describesPerS).average().orElse(0),
          exit);
    }
    if (exitP50.size() == 2) {
      List<Long> v = new ArrayList<>(exitP50.values());
      List<String> k = new ArrayList<>(exitP50.keySet());
      System.out.printf(
          "ratio STOPPED->exit %s/%s: %.2fx%n",
          k.get(0), k.get(1), v.get(0) / (double) Math.max(1, v.get(1)));
    }
    System.exit(0);
  }

  private static RunFigures run(Path jar, int lines) throws Exception {
    Path project = Projects.copyTo(Files.createTempDirectory("logs-bench"));
    try (MotoFixture moto = new MotoFixture()) {
      // Moto would walk the task to STOPPED in a few describes; the proxy decides instead.
      moto.moto.taskTransitions(1_000_000);
      Map<Integer, Long> storedAt = new ConcurrentHashMap<>();
      List<long[]> calls = new CopyOnWriteArrayList<>();
      AtomicLong runTaskAt = new AtomicLong();
      AtomicLong doneAt = new AtomicLong();
      AtomicLong stoppedVisibleAt = new AtomicLong();
      moto.proxy.hook(
          new FaultProxy.Hook() {
            @Override
            public FaultProxy.Reply before(String operation, int n, ObjectNode request) {
              int kind =
                  operation.equals("logs:GetLogEvents")
                      ? 1
                      : operation.equals("ecs:DescribeTasks") ? 2 : 0;
              calls.add(new long[] {kind, System.currentTimeMillis()});
              return null;
            }

            @Override
            public FaultProxy.Reply after(
                String operation, int n, ObjectNode request, ObjectNode response) {
              if (operation.equals("ecs:RunTask")) {
                runTaskAt.set(System.currentTimeMillis());
                String arn = response.at("/tasks/0/taskArn").asText();
                Thread feeder = new Thread(() -> feed(moto, arn, lines, storedAt, doneAt));
                feeder.setDaemon(true);
                feeder.start();
              } else if (operation.equals("ecs:DescribeTasks") && doneAt.get() != 0) {
                ObjectNode task = (ObjectNode) response.path("tasks").get(0);
                double stopped = doneAt.get() / 1000.0;
                task.put("lastStatus", "STOPPED")
                    .put("desiredStatus", "STOPPED")
                    .put("stopCode", "EssentialContainerExited")
                    .put("stoppedReason", "Essential container in task exited")
                    .put("executionStoppedAt", stopped)
                    .put("stoppedAt", stopped);
                ObjectNode container = (ObjectNode) task.path("containers").get(0);
                container.put("lastStatus", "STOPPED").put("exitCode", 0);
                stoppedVisibleAt.compareAndSet(0, System.currentTimeMillis());
              }
              return null;
            }
          });
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.toString(),
                  "run",
                  "-e",
                  "moto",
                  "-n",
                  "hello-world",
                  "--endpoint-url",
                  moto.proxy.endpoint().toString())
              .directory(project.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD);
      builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
      builder
          .environment()
          .putAll(
              Map.of(
                  "AWS_ACCESS_KEY_ID", "bench",
                  "AWS_SECRET_ACCESS_KEY", "bench",
                  "TEST_SUBNET", moto.subnet,
                  "TEST_SECURITY_GROUP", moto.securityGroup,
                  "RUNTASK_IMAGE_TAG", MotoFixture.IMAGE_TAG));
      Process launcher = builder.start();
      Map<Integer, Integer> seen = new java.util.HashMap<>();
      List<Long> latencies = new ArrayList<>();
      List<Object[]> arrivals = new ArrayList<>();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          long now = System.currentTimeMillis();
          Matcher m = SEQ.matcher(line);
          if (m.find()) {
            arrivals.add(new Object[] {Integer.parseInt(m.group(1)), now});
          }
        }
      }
      if (!launcher.waitFor(120, TimeUnit.SECONDS)) {
        launcher.destroyForcibly();
        throw new IllegalStateException("launcher did not exit");
      }
      long exitedAt = System.currentTimeMillis();
      for (Object[] a : arrivals) {
        int seq = (Integer) a[0];
        seen.merge(seq, 1, Integer::sum);
        Long stored = storedAt.get(seq);
        if (stored != null) {
          latencies.add(Math.max(0, (Long) a[1] - stored));
        }
      }
      int repeated = seen.values().stream().mapToInt(c -> c - 1).sum();
      long from = runTaskAt.get();
      long to = stoppedVisibleAt.get() == 0 ? exitedAt : stoppedVisibleAt.get();
      return new RunFigures(
          lines - seen.size(),
          repeated,
          latencies,
          rate(calls, 1, from, to),
          rate(calls, 2, from, to),
          stoppedVisibleAt.get() == 0 ? -1 : exitedAt - stoppedVisibleAt.get(),
          launcher.exitValue());
    }
  }

  /**
   * Calls of one kind per second while the task ran (RunTask to STOPPED visible), from their
   * spacing: (n - 1) calls over the time from the first to the last, so the window's edges do not
   * count as a call.
   */
  private static double rate(List<long[]> calls, int kind, long from, long to) {
    List<Long> at =
        calls.stream()
            .filter(c -> c[0] == kind && c[1] >= from && c[1] < to)
            .map(c -> c[1])
            .toList();
    return at.size() < 2 ? 0 : (at.size() - 1) / ((at.get(at.size() - 1) - at.get(0)) / 1000.0);
  }

  /** Writes the lines in batches every 100 ms: most over FEED_MS, the last 100 in one second. */
  private static void feed(
      MotoFixture moto, String arn, int lines, Map<Integer, Long> storedAt, AtomicLong doneAt) {
    int early = lines - LAST_SECOND_LINES;
    int batches = (int) (FEED_MS / 100);
    int seq = 0;
    try {
      for (int b = 0; b < batches; b++) {
        int until = (int) ((long) early * (b + 1) / batches);
        seq = put(moto, arn, seq, until, lines, storedAt);
        Thread.sleep(100);
      }
      for (int b = 0; b < 10; b++) {
        if (b > 0) {
          Thread.sleep(100);
        }
        seq = put(moto, arn, seq, early + LAST_SECOND_LINES * (b + 1) / 10, lines, storedAt);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    doneAt.set(System.currentTimeMillis());
  }

  private static int put(
      MotoFixture moto, String arn, int from, int to, int lines, Map<Integer, Long> storedAt) {
    if (from >= to) {
      return from;
    }
    long now = System.currentTimeMillis();
    List<InputLogEvent> events = new ArrayList<>();
    for (int seq = from; seq < to; seq++) {
      boolean last = seq == lines - 1;
      String message =
          last
              ? String.format("line %06d Task hello-world finished with exit code 0", seq)
              : String.format("line %06d of the bench", seq);
      String json =
          new LogEvent(now, "INFO", "main", "bench", Map.of(), message, null, last ? 0 : null)
              .toJson();
      events.add(InputLogEvent.builder().timestamp(now).message(json).build());
    }
    moto.putEvents(arn, events);
    long stored = System.currentTimeMillis();
    for (int seq = from; seq < to; seq++) {
      storedAt.put(seq, stored);
    }
    return to;
  }

  private static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
