package dev.runtask.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtask.launcher.support.MotoProject;
import dev.runtask.launcher.support.TestHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code logs RUN_ID} and {@code stop RUN_ID}: a whole fan-out by its run id. */
class RunIdOpsTest {
  private static final Pattern RUN = Pattern.compile("launcher: run ([0-9a-f-]{36}):");

  @RegisterExtension final MotoProject env = new MotoProject();

  private String runId;
  private final Map<Integer, String> taskIds = new TreeMap<>();

  @BeforeEach
  void twoShardsRunning() throws Exception {
    env.moto.moto.taskTransitions(1000);
    TestHost.Result r =
        env.run("-n", "sleep", "--shards", "2", "--no-wait", "--", "--seconds", "300");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Matcher m = RUN.matcher(r.err());
    assertThat(m.find()).as(r.err()).isTrue();
    runId = m.group(1);
    JsonNode ps =
        new ObjectMapper().readTree(launcher("ps", "-e", "moto", "--output", "json").out());
    for (JsonNode t : ps.path("tasks")) {
      if (runId.equals(t.path("runId").asText())) {
        String shard = t.path("shard").asText();
        taskIds.put(
            Integer.parseInt(shard.substring(0, shard.indexOf('/'))), t.path("taskId").asText());
      }
    }
    assertThat(taskIds).containsOnlyKeys(0, 1);
  }

  @Test
  void logs_runId_everyShardsLines_orOneShards() {
    env.moto.writeLogs(taskIds.get(0), List.of("shard zero says hi"));
    env.moto.writeLogs(taskIds.get(1), List.of("shard one says hi"));

    TestHost.Result all = launcher("logs", "-e", "moto", runId);
    TestHost.Result one = launcher("logs", "-e", "moto", runId, "--shard", "1");

    assertThat(all.exitCode()).as(all.toString()).isZero();
    assertThat(all.out().lines()).containsExactly("shard zero says hi", "shard one says hi");
    assertThat(one.out()).isEqualTo("shard one says hi\n");
  }

  @Test
  void logs_runIdFollow_pointsToAttach() {
    TestHost.Result r = launcher("logs", "-e", "moto", runId, "--follow");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("launcher attach -e moto " + runId);
  }

  @Test
  void stop_runId_stopsEveryRunningShardWithOneReason() {
    List<String> args =
        new ArrayList<>(List.of("stop", "-e", "moto", runId, "--reason", "wrong range"));
    args.addAll(List.of(env.moto.aws()));

    TestHost.Result r = env.host.run(args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(env.moto.proxy.calls("ecs:StopTask")).hasSize(2);
    assertThat(env.moto.proxy.calls("ecs:StopTask"))
        .allSatisfy(
            c ->
                assertThat(c.body().path("reason").asText())
                    .isEqualTo("launcher stop by moto: wrong range"));
    assertThat(r.err()).contains("asked ECS to stop 2 shard(s) of run " + runId);
  }

  private TestHost.Result launcher(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(env.moto.aws()).subList(0, 6));
    return env.host.run(all.toArray(String[]::new));
  }
}
