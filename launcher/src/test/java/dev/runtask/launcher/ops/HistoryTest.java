package dev.runtask.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtask.launcher.support.MotoProject;
import dev.runtask.launcher.support.TestHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code launcher history}: the journal's fan-outs and ECS's stopped tasks, one row per run. */
class HistoryTest {
  @RegisterExtension final MotoProject env = new MotoProject();

  @Test
  void history_fanOutFromTheJournal_andASingleRunFromEcs_newestFirst() throws Exception {
    TestHost.Result fanOut = env.run("-n", "hello-world", "--shards", "2");
    TestHost.Result single = env.run("-n", "hello-world", "--", "--name", "Ada");
    assertThat(fanOut.exitCode()).as(fanOut.toString()).isZero();
    assertThat(single.exitCode()).as(single.toString()).isZero();

    TestHost.Result text = history();
    TestHost.Result json = history("--output", "json");

    assertThat(text.exitCode()).as(text.toString()).isZero();
    List<String> lines = text.out().lines().toList();
    assertThat(lines.get(0)).startsWith("STARTED").contains("RUN / TASK ID", "SHARDS", "EXIT");
    assertThat(lines).hasSize(3);
    assertThat(text.out()).contains("2/2 ok").contains("--name Ada");
    JsonNode runs = new ObjectMapper().readTree(json.out()).path("runs");
    assertThat(runs).hasSize(2);
    assertThat(runs.findValuesAsText("source")).containsExactlyInAnyOrder("journal", "ecs");
    assertThat(runs.findValuesAsText("task")).containsOnly("hello-world");
    for (JsonNode run : runs) {
      assertThat(run.path("exitCode").asInt()).isZero();
    }
  }

  @Test
  void history_nothingYet_saysSoOnStderr() {
    TestHost.Result r = history();

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("no runs of any task in moto");
  }

  @Test
  void history_unknownTaskOrBadLimit_isBadInput() {
    TestHost.Result typo = history("-n", "helo-world");
    TestHost.Result limit = history("--limit", "0");

    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("hello-world");
    assertThat(limit.exitCode()).isEqualTo(2);
    assertThat(limit.err()).contains("--limit: 0");
    assertThat(env.moto.proxy.operations()).isEmpty();
  }

  private TestHost.Result history(String... args) {
    List<String> all = new ArrayList<>(List.of("history", "-e", "moto"));
    all.addAll(List.of(args));
    all.addAll(List.of(env.moto.aws()).subList(0, 6));
    return env.host.run(all.toArray(String[]::new));
  }
}
