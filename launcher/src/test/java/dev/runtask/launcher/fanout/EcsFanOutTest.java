package dev.runtask.launcher.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.launcher.support.FaultProxy;
import dev.runtask.launcher.support.FaultProxy.Reply;
import dev.runtask.launcher.support.MotoFixture;
import dev.runtask.launcher.support.MotoProject;
import dev.runtask.launcher.support.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Task;

/** {@code run -e moto --shards N}: moto behind the fault proxy (throttling, 5xx, exit codes). */
class EcsFanOutTest {
  @RegisterExtension final MotoProject env = new MotoProject();

  static Map<String, String> environment(Task task) {
    Map<String, String> vars = new HashMap<>();
    task.overrides().containerOverrides().get(0).environment().stream()
        .forEach((KeyValuePair kv) -> vars.put(kv.name(), kv.value()));
    return vars;
  }

  List<Task> tasksInMoto() {
    List<String> arns = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      var page =
          env.moto.ecs.listTasks(b -> b.cluster(MotoFixture.CLUSTER).nextToken(t).maxResults(100));
      arns.addAll(page.taskArns());
      token = page.nextToken();
    } while (token != null);
    List<Task> tasks = new ArrayList<>();
    for (int from = 0; from < arns.size(); from += 100) {
      List<String> batch = arns.subList(from, Math.min(arns.size(), from + 100));
      tasks.addAll(
          env.moto.ecs.describeTasks(b -> b.cluster(MotoFixture.CLUSTER).tasks(batch)).tasks());
    }
    return tasks;
  }

  @Test
  void shards25_underThrottlingAnd5xx_25TasksDistinctShardsOneRunId_noDuplicate() {
    AtomicInteger throttled = new AtomicInteger();
    env.moto
        .proxy
        .hook(FaultProxy.runTaskIdempotency())
        // Below the launcher's default 20/s pacing, so the proxy must throttle it.
        .hook(FaultProxy.throttleAbove("ecs:RunTask", 10, 5, throttled))
        .hook(
            new FaultProxy.Hook() {
              @Override
              public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
                // The task was created, the answer is lost: a retry must not start another.
                return operation.equals("ecs:RunTask") && n % 4 == 0
                    ? Reply.awsJsonError(500, "ServerException", "Service unavailable")
                    : null;
              }
            });

    TestHost.Result r = env.run("-n", "hello-world", "--shards", "25");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(throttled.get()).as("the proxy did throttle").isPositive();
    List<Task> tasks = tasksInMoto();
    assertThat(tasks).as("one task per shard, none twice").hasSize(25);
    assertThat(
            tasks.stream().map(t -> environment(t).get("SHARD_INDEX")).collect(Collectors.toSet()))
        .hasSize(25)
        .containsAll(java.util.stream.IntStream.range(0, 25).mapToObj(Integer::toString).toList());
    assertThat(tasks)
        .allSatisfy(t -> assertThat(environment(t)).containsEntry("SHARD_COUNT", "25"));
    Set<String> runIds =
        tasks.stream().map(t -> environment(t).get("RUNTASK_RUN_ID")).collect(Collectors.toSet());
    assertThat(runIds).hasSize(1);
    String runId = runIds.iterator().next();
    assertThat(r.err()).contains("run " + runId, "all 25 shards of hello-world succeeded");
    assertThat(r.err()).doesNotContain("ThrottlingException", "Rate exceeded");

    List<FaultProxy.Call> calls = env.moto.proxy.calls("ecs:RunTask");
    assertThat(calls)
        .allSatisfy(
            c -> {
              String token = c.body().path("clientToken").asText();
              assertThat(token).hasSizeLessThanOrEqualTo(64).startsWith(runId + "-");
              String index =
                  c.body()
                      .path("overrides")
                      .path("containerOverrides")
                      .get(0)
                      .path("environment")
                      .findValuesAsText("value")
                      .get(1);
              assertThat(token).isEqualTo(runId + "-" + index);
            });
    assertThat(calls.stream().map(c -> c.body().path("tags").toString()))
        .allSatisfy(tags -> assertThat(tags).contains("\"run-id\"", runId, "\"shard\""));
  }

  @Test
  void mixedOutcomes_lowestFailedShardDecides_summaryAndJsonPerShard() throws Exception {
    env.moto.proxy.hook(exitCodesByShard(Map.of(3, 4, 5, 1)));

    TestHost.Result r =
        env.run("-n", "hello-world", "--shards", "8", "--output", "json", "--logs", "none");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err())
        .contains("2 of 8 shards of hello-world failed")
        .contains("exit 4, from the lowest failed shard [3/8]")
        .containsPattern("  \\[3/8\\] exit 4: the task exited with code 4 \\(arn:aws:ecs:")
        .contains("  [5/8] exit 1: the task failed (exit 1)");
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("exitCode").asInt()).isEqualTo(4);
    assertThat(json.path("decidingShard").asInt()).isEqualTo(3);
    assertThat(json.path("shards")).hasSize(8);
    assertThat(json.path("shards").get(5).path("exitCode").asInt()).isEqualTo(1);
    assertThat(json.path("shards").get(5).path("taskArn").asText()).startsWith("arn:aws:ecs:");
    assertThat(json.path("shards").get(0).path("exitCode").asInt()).isZero();
  }

  @Test
  void shards101_describeTasksBatchedAtMost100_notOneCallPerShard() throws Exception {
    Path environment = env.project.resolve("task-definitions/moto/environment.json");
    Files.writeString(
        environment,
        Files.readString(environment)
            .replace(
                "\"launchType\"",
                "\"launchPacing\": {\"perSecond\": 500, \"burst\": 500},\n  \"launchType\""));

    // A task moves one state per 12 DescribeTasks, so all 101 are running at once at some point.
    env.moto.moto.taskTransitions(12);

    TestHost.Result r = env.run("-n", "hello-world", "--shards", "101", "--logs", "none");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<Integer> perCall =
        env.moto.proxy.calls("ecs:DescribeTasks").stream()
            .map(c -> c.body().path("tasks").size())
            .toList();
    assertThat(perCall).allSatisfy(n -> assertThat(n).isBetween(1, 100)).contains(100, 1);
    assertThat(env.moto.proxy.calls("ecs:RunTask")).hasSize(101);
  }

  @Test
  void logsAll_everyShardsLinesPrefixed_noneLostNoneTwice() {
    Map<String, Integer> written = new ConcurrentHashMap<>();
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
            if (operation.equals("ecs:RunTask") && response.path("tasks").size() > 0) {
              String arn = response.path("tasks").get(0).path("taskArn").asText();
              String index = shardOf(request);
              List<String> lines = new ArrayList<>();
              for (int i = 0; i < 3; i++) {
                lines.add("shard " + index + " line " + i);
              }
              env.moto.writeLogs(arn, lines);
              written.merge(index, lines.size(), Integer::sum);
            }
            return null;
          }
        });

    TestHost.Result r = env.run("-n", "hello-world", "--shards", "6", "--logs", "all");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(written).hasSize(6);
    List<String> out = r.out().lines().toList();
    for (int s = 0; s < 6; s++) {
      for (int i = 0; i < 3; i++) {
        assertThat(out).containsOnlyOnce("[" + s + "/6] shard " + s + " line " + i);
      }
    }
    assertThat(env.moto.proxy.operations()).doesNotContain("logs:GetLogEvents");
  }

  @Test
  void maxParallel_atMostMRunningAtOnce_everyShardStillRuns() {
    env.moto.moto.taskTransitions(3);
    Set<String> stopped = ConcurrentHashMap.newKeySet();
    AtomicInteger launchedWhileRunning = new AtomicInteger();
    int[] peak = {0};
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          final Set<String> started = ConcurrentHashMap.newKeySet();

          @Override
          public synchronized Reply after(
              String operation, int n, ObjectNode request, ObjectNode response) {
            if (operation.equals("ecs:RunTask")) {
              started.add(response.path("tasks").get(0).path("taskArn").asText());
              launchedWhileRunning.set(started.size() - stopped.size());
              peak[0] = Math.max(peak[0], launchedWhileRunning.get());
            } else if (operation.equals("ecs:DescribeTasks")) {
              for (JsonNode t : response.path("tasks")) {
                if ("STOPPED".equals(t.path("lastStatus").asText())) {
                  stopped.add(t.path("taskArn").asText());
                }
              }
            }
            return null;
          }
        });

    TestHost.Result r =
        env.run("-n", "hello-world", "--shards", "9", "--max-parallel", "2", "--logs", "none");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(tasksInMoto()).hasSize(9);
    assertThat(peak[0]).as("shards started but not yet seen STOPPED").isBetween(1, 2);
  }

  @Test
  void runTaskFailures_retriedWithinABound_thenThatShardReportedNeverRan() {
    AtomicInteger failuresForShard2 = new AtomicInteger();
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply before(String operation, int n, ObjectNode request) {
            if (operation.equals("ecs:RunTask") && shardOf(request).equals("2")) {
              failuresForShard2.incrementAndGet();
              return Reply.json(
                  "{\"tasks\":[],\"failures\":[{\"arn\":"
                      + "\"arn:aws:ecs:us-east-1:123456789012:cluster/runtask-test\","
                      + "\"reason\":\"RESOURCE:MEMORY\"}]}");
            }
            return null;
          }
        });

    TestHost.Result r = env.run("-n", "hello-world", "--shards", "4", "--logs", "none");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(125);
    assertThat(failuresForShard2.get()).isEqualTo(1 + ShardLauncher.MAX_FAILURE_RETRIES);
    assertThat(r.err())
        .contains("1 of 4 shards of hello-world failed")
        .contains("  [2/4] exit 125: RunTask did not start the task: RESOURCE:MEMORY");
    assertThat(
            env.moto.proxy.calls("ecs:RunTask").stream()
                .filter(c -> shardOf((ObjectNode) c.body()).equals("2"))
                .map(c -> c.body().path("clientToken").asText())
                .distinct())
        .as("a new token per failures[] retry")
        .hasSize(1 + ShardLauncher.MAX_FAILURE_RETRIES);
    assertThat(tasksInMoto()).hasSize(3);
  }

  @Test
  void logsFailed_onlyTheFailedShardsLinesArePrinted_inFull() {
    env.moto.proxy.hook(exitCodesByShard(Map.of(1, 3)));
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
            if (operation.equals("ecs:RunTask") && response.path("tasks").size() > 0) {
              String arn = response.path("tasks").get(0).path("taskArn").asText();
              env.moto.writeLogs(arn, List.of("shard " + shardOf(request) + " says hello"));
            }
            return null;
          }
        });

    TestHost.Result r = env.run("-n", "hello-world", "--shards", "3", "--logs", "failed");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.out().lines().toList()).containsExactly("[1/3] shard 1 says hello");
  }

  static String runId(TestHost.Result r) {
    var m = java.util.regex.Pattern.compile("run ([0-9a-f-]{36})").matcher(r.err());
    assertThat(m.find()).as(r.toString()).isTrue();
    return m.group(1);
  }

  @Test
  void attachRunId_afterTheLauncherWentAway_sameTasks_noRunTaskStartsASecond() throws Exception {
    env.moto.proxy.hook(FaultProxy.runTaskIdempotency()).hook(exitCodesByShard(Map.of(2, 7)));
    TestHost.Result launched =
        env.run("-n", "hello-world", "--shards", "5", "--no-wait", "--logs", "none");
    assertThat(launched.exitCode()).as(launched.toString()).isZero();
    String runId = runId(launched);
    assertThat(launched.err()).contains("follow them with `launcher attach -e moto " + runId + "`");
    // As if the launcher had died between shard 4's RunTask and writing its answer down.
    Path journal = Path.of(env.host.envValue("XDG_STATE_HOME"), "runtask", "runs", runId + ".json");
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(journal.toFile());
    ((ObjectNode) json.path("shards").get(4)).remove("taskArn");
    Files.writeString(journal, json.toString());
    int runTasksBefore = env.moto.proxy.calls("ecs:RunTask").size();

    TestHost.Result attached =
        env.host.run(concat(List.of("attach", "-e", "moto", runId), List.of(env.moto.aws())));

    assertThat(attached.exitCode()).as(attached.toString()).isEqualTo(7);
    assertThat(attached.err())
        .contains("attached to run " + runId)
        .contains("1 of 5 shards of hello-world failed")
        .contains("[2/5] exit 7");
    assertThat(tasksInMoto()).as("no shard started twice").hasSize(5);
    List<FaultProxy.Call> runTasks = env.moto.proxy.calls("ecs:RunTask");
    assertThat(runTasks.subList(runTasksBefore, runTasks.size()))
        .as("only the shard the journal lost, with its journaled token")
        .singleElement()
        .satisfies(c -> assertThat(c.body().path("clientToken").asText()).isEqualTo(runId + "-4"));
  }

  @Test
  void attachRunId_taskEcsNoLongerKnows_thatShardEndsUnknown_theWaitEnds() throws Exception {
    TestHost.Result launched =
        env.run("-n", "hello-world", "--shards", "2", "--no-wait", "--logs", "none");
    String runId = runId(launched);
    Path journal = Path.of(env.host.envValue("XDG_STATE_HOME"), "runtask", "runs", runId + ".json");
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(journal.toFile());
    String forgotten =
        "arn:aws:ecs:us-east-1:123456789012:task/runtask-test/00000000000000000000000000000000";
    ((ObjectNode) json.path("shards").get(1)).put("taskArn", forgotten);
    Files.writeString(journal, json.toString());

    TestHost.Result attached =
        env.host.run(concat(List.of("attach", "-e", "moto", runId), List.of(env.moto.aws())));

    assertThat(attached.exitCode()).as(attached.toString()).isEqualTo(110);
    assertThat(attached.err())
        .contains("  [1/2] exit 110: ECS does not know task " + forgotten)
        .contains("its outcome is unknown");
  }

  @Test
  void retryFailed_onlyTheFailedShardsRelaunched_sameNumbersAndArgs() {
    AtomicInteger failing = new AtomicInteger(1);
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          final FaultProxy.Hook failSome = exitCodesByShard(Map.of(3, 4, 5, 1));

          @Override
          public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
            return failing.get() == 1 ? failSome.after(operation, n, request, response) : null;
          }
        });
    TestHost.Result first =
        env.run("-n", "hello-world", "--shards", "8", "--logs", "none", "--", "--name", "Ada");
    assertThat(first.exitCode()).as(first.toString()).isEqualTo(4);
    String runId = runId(first);
    int before = env.moto.proxy.calls("ecs:RunTask").size();
    failing.set(0);

    TestHost.Result retry = env.run("-n", "hello-world", "--retry-failed", runId);

    assertThat(retry.exitCode()).as(retry.toString()).isZero();
    List<FaultProxy.Call> calls = env.moto.proxy.calls("ecs:RunTask");
    List<FaultProxy.Call> relaunched = calls.subList(before, calls.size());
    assertThat(relaunched)
        .extracting(c -> shardOf((ObjectNode) c.body()))
        .containsExactlyInAnyOrder("3", "5");
    assertThat(relaunched)
        .allSatisfy(
            c -> {
              assertThat(c.body().path("overrides").toString())
                  .contains("\"SHARD_COUNT\",\"value\":\"8\"")
                  .contains("[\"hello-world\",\"--name\",\"Ada\"]");
              assertThat(c.body().path("clientToken").asText()).doesNotStartWith(runId);
            });
    assertThat(retry.err())
        .contains("retrying the failed shards of run " + runId + ": [3, 5]")
        .contains("all 2 shards of hello-world succeeded");
  }

  static String[] concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all.toArray(String[]::new);
  }

  @Test
  void interrupted_stopOnInterrupt_stopsEveryRunningShard_notStartedOnesNeverStart() {
    env.moto.moto.taskTransitions(1000);
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
            if (operation.equals("ecs:RunTask") && n == 2) {
              env.host.interrupts().fire();
            }
            return null;
          }
        });

    TestHost.Result r =
        env.run(
            "-n",
            "hello-world",
            "--shards",
            "6",
            "--max-parallel",
            "2",
            "--stop-on-interrupt",
            "--logs",
            "none");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(121);
    int started = env.moto.proxy.calls("ecs:RunTask").size();
    assertThat(started).isLessThan(6);
    assertThat(env.moto.proxy.calls("ecs:StopTask")).hasSize(started);
    assertThat(r.err())
        .contains("interrupted: asked ECS to stop it")
        .contains("[5/6] exit 121: not started: the fan-out was interrupted");
  }

  @Test
  void badFanOutOptions_exit2_nothingSentToAws() {
    TestHost.Result r = env.run("-n", "hello-world", "--shards", "3", "--logs", "some");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--logs some is not valid: expected all, failed or none");
    assertThat(env.moto.proxy.calls()).isEmpty();
  }

  /** With --no-wait nobody would free a slot: the shards past the first M would never start. */
  @Test
  void maxParallelBelowShardsWithNoWait_exit2OneLine_nothingSentToAws() {
    TestHost.Result r =
        env.run("-n", "hello-world", "--shards", "5", "--max-parallel", "2", "--no-wait");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err().strip().lines())
        .singleElement()
        .asString()
        .contains("--max-parallel 2 cannot be used with --no-wait")
        .contains("drop --no-wait or --max-parallel");
    assertThat(env.moto.proxy.calls()).isEmpty();
  }

  static String shardOf(ObjectNode runTask) {
    for (JsonNode kv :
        runTask.path("overrides").path("containerOverrides").get(0).path("environment")) {
      if (kv.path("name").asText().equals("SHARD_INDEX")) {
        return kv.path("value").asText();
      }
    }
    throw new AssertionError("no SHARD_INDEX in " + runTask);
  }

  /** Stopped shards exit with the given codes (others 0); the shard is read from the overrides. */
  static FaultProxy.Hook exitCodesByShard(Map<Integer, Integer> codes) {
    return new FaultProxy.Hook() {
      @Override
      public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
        if (!operation.equals("ecs:DescribeTasks")) {
          return null;
        }
        for (JsonNode t : response.path("tasks")) {
          ObjectNode task = (ObjectNode) t;
          if (!"STOPPED".equals(task.path("lastStatus").asText())) {
            continue;
          }
          int shard = Integer.parseInt(shardOf(task));
          task.put("stopCode", "EssentialContainerExited")
              .put("stoppedReason", "Essential container in task exited");
          ((ObjectNode) task.path("containers").get(0))
              .put("exitCode", codes.getOrDefault(shard, 0));
        }
        return null;
      }
    };
  }
}
