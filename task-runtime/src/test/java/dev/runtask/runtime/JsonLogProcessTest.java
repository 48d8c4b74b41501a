package dev.runtask.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.runtask.contract.LogEvent;
import dev.runtask.contract.LogFields;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What CloudWatch Logs receives: one JSON object per stdout line, each naming task and run. */
class JsonLogProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void stdoutNotATerminal_everyLineIsJsonCarryingTaskAndRunId() throws Exception {
    List<JsonNode> lines = run(Map.of(), "echo-options", "--count", "5", "--api-token", "hunter2");

    assertThat(lines)
        .hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(
            line -> {
              assertThat(line.path("level").asText()).isEqualTo("INFO");
              assertThat(line.path("timestamp").isNumber()).isTrue();
              assertThat(line.path("mdc").path("task").asText()).isEqualTo("echo-options");
              assertThat(line.path("mdc").path("runId").asText()).matches("[0-9a-f-]{36}");
            });
    assertThat(lines)
        .extracting(line -> line.path("formattedMessage").asText())
        .contains("Starting task echo-options with --count=5 --api-token=****", "count is 5");
    assertThat(lines.stream().map(JsonNode::toString)).noneMatch(line -> line.contains("hunter2"));
    assertThat(lines.stream().map(line -> line.path("mdc").path("runId").asText()).distinct())
        .hasSize(1);
  }

  /**
   * The process names its SLF4J provider itself (start-up); neither SLF4J nor Logback may say so,
   * or anything else, on stderr, where only a failure's one line belongs.
   */
  @Test
  void successfulRun_stderrEmpty_andTheRunIdIsARandomUuid() throws Exception {
    try (ChildJvm child = ChildJvm.start(Map.of(), "echo-options", "--count", "1")) {
      assertThat(child.awaitExit()).isZero();
      assertThat(child.stderr()).isEmpty();
      List<JsonNode> lines = child.stdout().stream().map(JsonLogProcessTest::parse).toList();
      assertThat(lines)
          .extracting(line -> line.path(LogFields.MESSAGE).asText())
          .contains("count is 1");
      assertThat(lines.get(0).path("mdc").path("runId").asText())
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
  }

  /** The launcher stops following CloudWatch once it reads this line: it must be the last one. */
  @Test
  void lastLine_carriesTheEndOfLogMarkerWithTheExitCode_noOtherLineDoes() throws Exception {
    List<JsonNode> lines = run(Map.of(), "echo-options", "--count", "1");

    JsonNode last = lines.get(lines.size() - 1);
    assertThat(last.path(LogFields.MESSAGE).asText()).contains("finished with exit code 0");
    assertThat(last.path(LogFields.EXIT_CODE).isInt()).as(last.toString()).isTrue();
    assertThat(last.path(LogFields.EXIT_CODE).asInt()).isZero();
    assertThat(lines.subList(0, lines.size() - 1)).noneMatch(line -> line.has(LogFields.EXIT_CODE));
  }

  @Test
  void failingTask_stackTraceAsJavaPrintsIt_andTheMarkerHoldsExitCode1() throws Exception {
    try (ChildJvm child = ChildJvm.start(Map.of(), "fails")) {
      assertThat(child.awaitExit()).isEqualTo(1);
      List<JsonNode> lines = child.stdout().stream().map(JsonLogProcessTest::parse).toList();

      assertThat(lines)
          .anySatisfy(
              line -> {
                assertThat(line.path(LogFields.LEVEL).asText()).isEqualTo("ERROR");
                assertThat(line.path(LogFields.STACK_TRACE).asText())
                    .contains("Exception")
                    .contains("\n\tat ");
              });
      assertThat(lines.get(lines.size() - 1).path(LogFields.EXIT_CODE).asInt()).isEqualTo(1);
      // Each line parses with the contract's reader, which the launcher renders with.
      assertThat(child.stdout()).allSatisfy(line -> assertThat(LogEvent.parse(line)).isPresent());
    }
  }

  @Test
  void ecsMetadataEndpoint_taskArnOnEveryLine() throws Exception {
    String arn = "arn:aws:ecs:ap-northeast-1:123456789012:task/batch/0123456789abcdef";
    HttpServer metadata = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    metadata.createContext(
        "/v4/abc/task",
        exchange -> {
          byte[] body =
              ("{\"Cluster\":\"batch\",\"TaskARN\":\"" + arn + "\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    metadata.start();
    try {
      String uri = "http://127.0.0.1:" + metadata.getAddress().getPort() + "/v4/abc";
      List<JsonNode> lines =
          run(Map.of("ECS_CONTAINER_METADATA_URI_V4", uri), "echo-options", "--count", "1");

      assertThat(lines)
          .isNotEmpty()
          .allSatisfy(
              line -> assertThat(line.path("mdc").path("ecsTaskArn").asText()).isEqualTo(arn));
    } finally {
      metadata.stop(0);
    }
  }

  @Test
  void ecsMetadataEndpointDown_taskStillRunsWithoutArn() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (ChildJvm child =
        ChildJvm.start(
            Map.of("ECS_CONTAINER_METADATA_URI_V4", "http://127.0.0.1:" + closedPort + "/v4"),
            "echo-options",
            "--count",
            "1")) {
      assertThat(child.awaitExit()).isZero();
      assertThat(String.join("\n", child.stdout()))
          .contains("did not give a task ARN", "count is 1")
          .doesNotContain("ecsTaskArn");
    }
  }

  @Test
  void logFormatText_forcedByVariable_isHumanReadable() throws Exception {
    try (ChildJvm child =
        ChildJvm.start(Map.of("RUNTASK_LOG_FORMAT", "text"), "echo-options", "--count", "2")) {
      assertThat(child.awaitExit()).isZero();
      assertThat(child.stdout())
          .anySatisfy(
              line ->
                  assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*INFO.* count is 2"));
    }
  }

  @Test
  void fanOutShard_everyJsonLineAndEveryTextLineNamesTheShard() throws Exception {
    Map<String, String> shard = Map.of("SHARD_INDEX", "3", "SHARD_COUNT", "4");
    assertThat(run(shard, "echo-options", "--count", "1"))
        .hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(line -> assertThat(line.path("mdc").path("shard").asText()).isEqualTo("3/4"));

    Map<String, String> text = new java.util.HashMap<>(shard);
    text.put("RUNTASK_LOG_FORMAT", "text");
    try (ChildJvm child = ChildJvm.start(text, "echo-options", "--count", "1")) {
      assertThat(child.awaitExit()).isZero();
      assertThat(child.stdout())
          .hasSizeGreaterThanOrEqualTo(3)
          .allSatisfy(line -> assertThat(line).matches("\\S+ .*INFO.* \\[3/4\\] .*"))
          .anySatisfy(line -> assertThat(line).endsWith("[3/4] count is 1"));
    }
  }

  @Test
  void badShardVariable_exit2NamingTheVariable_taskNotStarted() throws Exception {
    try (ChildJvm child =
        ChildJvm.start(
            Map.of("SHARD_INDEX", "4", "SHARD_COUNT", "4", "RUNTASK_LOG_FORMAT", "text"),
            "echo-options",
            "--count",
            "1")) {
      assertThat(child.awaitExit()).isEqualTo(2);
      assertThat(child.stderr().strip())
          .isEqualTo(
              "echo-options: SHARD_INDEX=4 is not valid: expected a whole number from 0 to 3"
                  + " (SHARD_COUNT=4); nothing was done");
      assertThat(String.join("\n", child.stdout())).doesNotContain("count is");
    }
  }

  private static List<JsonNode> run(Map<String, String> env, String... args) throws Exception {
    try (ChildJvm child = ChildJvm.start(env, args)) {
      assertThat(child.awaitExit()).as("stderr: %s", child.stderr()).isZero();
      return child.stdout().stream().map(JsonLogProcessTest::parse).toList();
    }
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not a JSON line: " + line, e);
    }
  }
}
