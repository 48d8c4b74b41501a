package dev.runtask.launcher.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.launcher.support.FaultProxy;
import dev.runtask.launcher.support.MotoFixture;
import dev.runtask.launcher.support.Projects;
import dev.runtask.launcher.support.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bench/fanout.sh: N shards against moto behind a proxy that throttles RunTask above RATE/s (a
 * token bucket, as AWS does), once with the launcher pacing at that rate and once unpaced (the
 * baseline of the same run). Prints the launch phase against its floor (N-1)/RATE, the throttling
 * answers, the errors the operator saw, duplicate tasks, and the API calls during the wait.
 */
public final class FanOutBench {
  public static void main(String[] args) throws Exception {
    int shards = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    System.out.printf("fan-out bench: %d shards, RunTask throttled above %d/s%n", shards, rate);
    Result paced = run(shards, rate, rate, 1);
    Result unpaced = run(shards, rate, 100_000, 100_000);
    double floor = (shards - 1) / (double) rate;
    System.out.printf("floor (N-1)/rate: %.2f s%n", floor);
    print("paced at " + rate + "/s", paced, floor);
    print("unpaced (baseline)", unpaced, floor);
    System.out.printf(
        "launch wall paced/floor: %.2fx (target <= 1.2x); unpaced/paced: %.2fx%n",
        paced.launchSeconds / floor, unpaced.launchSeconds / paced.launchSeconds);
  }

  record Result(
      int shards,
      int exit,
      double launchSeconds,
      int throttled,
      int runTaskCalls,
      int tasks,
      boolean throttlingShown,
      double waitSeconds,
      int describeCalls,
      int filterCalls) {}

  static void print(String name, Result r, double floor) {
    System.out.printf(
        "%-20s exit %d; launch %.2f s (%.2fx floor); RunTask calls %d, throttled %d,"
            + " shown to the user: %s; tasks %d (duplicates %d); whole watch %.2f s: DescribeTasks %d,"
            + " FilterLogEvents %d (%.2f calls/s)%n",
        name,
        r.exit,
        r.launchSeconds,
        r.launchSeconds / floor,
        r.runTaskCalls,
        r.throttled,
        r.throttlingShown ? "YES" : "no",
        r.tasks,
        r.tasks - r.shards,
        r.waitSeconds,
        r.describeCalls,
        r.filterCalls,
        (r.describeCalls + r.filterCalls) / Math.max(0.001, r.waitSeconds));
  }

  static Result run(int shards, int proxyRate, int pacing, int burst) throws Exception {
    try (MotoFixture moto = new MotoFixture()) {
      Path project = Projects.copyTo(Files.createTempDirectory("fanout-bench"));
      Path environment = project.resolve("task-definitions/moto/environment.json");
      Files.writeString(
          environment,
          Files.readString(environment)
              .replace(
                  "\"launchType\"",
                  "\"launchPacing\": {\"perSecond\": "
                      + pacing
                      + ", \"burst\": "
                      + burst
                      + "},\n  \"launchType\""));
      AtomicInteger throttled = new AtomicInteger();
      AtomicLong firstRunTask = new AtomicLong();
      AtomicLong lastRunTask = new AtomicLong();
      moto.proxy
          .hook(FaultProxy.runTaskIdempotency())
          .hook(
              new FaultProxy.Hook() {
                @Override
                public FaultProxy.Reply before(String operation, int n, ObjectNode request) {
                  if (operation.equals("ecs:RunTask")) {
                    firstRunTask.compareAndSet(0, System.nanoTime());
                  }
                  return null;
                }

                @Override
                public FaultProxy.Reply after(
                    String operation, int n, ObjectNode request, ObjectNode response) {
                  if (operation.equals("ecs:RunTask")) {
                    lastRunTask.set(System.nanoTime());
                  }
                  return null;
                }
              })
          .hook(FaultProxy.throttleAbove("ecs:RunTask", proxyRate, 2, throttled));
      List<String> argv =
          new ArrayList<>(
              List.of("run", "-e", "moto", "-n", "hello-world", "--shards", "" + shards));
      argv.addAll(List.of(moto.aws()));
      // The bench's own pace for the wait: polls every 200 ms (the default is 2 s).
      argv.set(argv.indexOf("--poll-interval") + 1, "200ms");
      argv.set(argv.indexOf("--max-poll-interval") + 1, "200ms");
      TestHost host = moto.host(project);
      TestHost.Result r = host.run(argv.toArray(String[]::new));
      long end = System.nanoTime();
      long afterLaunch = lastRunTask.get();
      if (r.exitCode() != 0) {
        System.out.println(r);
      }
      List<FaultProxy.Call> calls = moto.proxy.calls();
      int runTasks = moto.proxy.calls("ecs:RunTask").size();
      String token = null;
      int total = 0;
      do {
        String t = token;
        var page =
            moto.ecs.listTasks(b -> b.cluster(MotoFixture.CLUSTER).nextToken(t).maxResults(100));
        total += page.taskArns().size();
        token = page.nextToken();
      } while (token != null);
      return new Result(
          shards,
          r.exitCode(),
          (afterLaunch - firstRunTask.get()) / 1e9,
          throttled.get(),
          runTasks,
          total,
          r.err().contains("Throttling") || r.err().contains("Rate exceeded"),
          (end - firstRunTask.get()) / 1e9,
          (int) calls.stream().filter(c -> c.operation().equals("ecs:DescribeTasks")).count(),
          (int) calls.stream().filter(c -> c.operation().equals("logs:FilterLogEvents")).count());
    }
  }
}
