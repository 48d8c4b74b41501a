package dev.runtask.launcher.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtask.launcher.support.FakeTasks;
import dev.runtask.launcher.support.Projects;
import dev.runtask.launcher.support.TestHost;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run -e local --shards N}: real child JVMs (FakeTasks as tasks.jar), one per shard. */
class LocalFanOutTest {
  @TempDir Path dir;
  TestHost host;
  Path running;

  @BeforeEach
  void setUp() throws Exception {
    Path project = Projects.copyTo(dir.resolve("project"));
    running = Files.createDirectories(dir.resolve("running"));
    host =
        new TestHost()
            .workDir(project)
            .env("TEST_TASKS_JAR", fakeTasksJar(dir.resolve("tasks.jar")).toString())
            .env("USER", "ada")
            .env("PATH", System.getenv("PATH"))
            .env("RUNNING_DIR", running.toString());
  }

  static Path fakeTasksJar(Path jar) throws Exception {
    Path classes =
        Path.of(FakeTasks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeTasks.class.getName());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out, manifest)) {
      j.flush();
    }
    return jar;
  }

  @Test
  void shards_allSucceed_eachShardOnceWithOneRunId_linesPrefixed_atMostMaxParallel() {
    TestHost.Result r =
        host.run(
            "run",
            "-e",
            "local",
            "-n",
            "hello-world",
            "--shards",
            "12",
            "--max-parallel",
            "3",
            "--",
            "--name",
            "Ada");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> lines = Arrays.asList(r.out().split("\n"));
    for (int i = 0; i < 12; i++) {
      String label = String.format("[%02d/12] ", i);
      assertThat(lines)
          .as(r.toString())
          .containsOnlyOnce(label + "args=[hello-world, --name, Ada]");
      String shardLine = label + "shard=" + i + "/12 run=";
      assertThat(lines.stream().filter(l -> l.startsWith(shardLine))).hasSize(1);
    }
    assertThat(
            lines.stream()
                .filter(l -> l.contains(" run="))
                .map(l -> l.replaceAll(".* run=", ""))
                .distinct())
        .as("one run id for every shard")
        .hasSize(1)
        .allSatisfy(id -> assertThat(id).matches("[0-9a-f-]{36}"));
    assertThat(concurrency(r.out()))
        .as("shards running at once")
        .allSatisfy(n -> assertThat(n).isBetween(1, 3));
    assertThat(r.err())
        .contains("[03/12] a line on stderr", "all 12 shards of hello-world succeeded");
  }

  @Test
  void shards_someFail_lowestFailedShardDecides_summaryListsEveryFailedShard() throws Exception {
    TestHost.Result r =
        host.run(
            "run",
            "-e",
            "local",
            "-n",
            "hello-world",
            "--shards",
            "4",
            "--output",
            "json",
            "--",
            "--name",
            "fail-odd-shards");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(41);
    assertThat(r.err())
        .contains("2 of 4 shards of hello-world failed")
        .contains("exit 41, from the lowest failed shard [1/4]")
        .contains("  [1/4] exit 41: shard 1 failed on purpose")
        .contains("  [3/4] exit 43: shard 3 failed on purpose");
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("exitCode").asInt()).isEqualTo(41);
    assertThat(json.path("decidingShard").asInt()).isEqualTo(1);
    assertThat(json.path("shards")).hasSize(4);
    assertThat(json.path("shards").get(3).path("exitCode").asInt()).isEqualTo(43);
    assertThat(json.path("shards").get(2).path("exitCode").asInt()).isZero();
    assertThat(json.path("shards").get(2).has("durationMillis")).isTrue();
  }

  @Test
  void retryFailed_local_onlyTheFailedShardNumbersRunAgain() {
    TestHost.Result first =
        host.run(
            "run",
            "-e",
            "local",
            "-n",
            "hello-world",
            "--shards",
            "4",
            "--",
            "--name",
            "fail-odd-shards");
    assertThat(first.exitCode()).isEqualTo(41);
    Matcher m = Pattern.compile("run ([0-9a-f-]{36})").matcher(first.err());
    assertThat(m.find()).isTrue();

    TestHost.Result retry =
        host.run(
            "run",
            "-e",
            "local",
            "-n",
            "hello-world",
            "--retry-failed",
            m.group(1),
            "--",
            "--name",
            "Ada");

    assertThat(retry.exitCode()).as(retry.toString()).isZero();
    assertThat(retry.out())
        .contains("[1/4] shard=1/4", "[3/4] shard=3/4")
        .doesNotContain("[0/4]", "[2/4]");
    assertThat(retry.err()).contains("all 2 shards of hello-world succeeded");
  }

  @Test
  void interrupted_runningShardsGetSigterm_noNewShardStarts_lowestFailedShardDecides() {
    java.util.concurrent.atomic.AtomicBoolean fired =
        new java.util.concurrent.atomic.AtomicBoolean();
    host.tapStdout(
        new OutputStream() {
          private final java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();

          @Override
          public void write(int b) {
            seen.write(b);
            if (b == '\n'
                && seen.toString(java.nio.charset.StandardCharsets.UTF_8).endsWith("[0/3] ready\n")
                && fired.compareAndSet(false, true)) {
              host.interrupts().fire();
            }
          }
        });

    TestHost.Result r =
        host.run("run", "-e", "local", "-n", "sleep", "--shards", "3", "--max-parallel", "2");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(143);
    assertThat(r.out()).contains("[0/3] got SIGTERM");
    assertThat(r.err())
        .contains("interrupted: no new shard starts")
        .contains("  [0/3] exit 143")
        .contains("  [2/3] exit 121: not started: interrupted");
  }

  @Test
  void badShardOptions_exit2_nothingStarted() {
    TestHost.Result zero = host.run("run", "-e", "local", "-n", "hello-world", "--shards", "0");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).contains("--shards 0 is not valid: expected 1 to 10000");

    TestHost.Result alone =
        host.run("run", "-e", "local", "-n", "hello-world", "--max-parallel", "2");
    assertThat(alone.exitCode()).isEqualTo(2);
    assertThat(alone.err()).contains("--max-parallel needs --shards N");
    assertThat(alone.out()).doesNotContain("args=");
  }

  static List<Integer> concurrency(String out) {
    Matcher m = Pattern.compile("concurrent=(\\d+)").matcher(out);
    List<Integer> seen = new java.util.ArrayList<>();
    while (m.find()) {
      seen.add(Integer.parseInt(m.group(1)));
    }
    assertThat(seen).hasSize(12);
    return seen;
  }
}
