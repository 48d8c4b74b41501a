package dev.runtask.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.contract.LogEvent;
import dev.runtask.launcher.support.MotoFixture;
import dev.runtask.launcher.support.MotoProject;
import dev.runtask.launcher.support.TestHost;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** {@code launcher logs} against moto's ECS and CloudWatch Logs. */
class LogsCommandTest {
  private static final Pattern STARTED = Pattern.compile("started (arn:aws:ecs:\\S+/(\\S+))");

  @RegisterExtension final MotoProject env = new MotoProject();

  @Test
  void logs_ofATask_everyLineOnceInOrder_asWrittenOffATerminal() {
    String id = start();
    List<String> lines = IntStream.range(0, 50).mapToObj(i -> "line " + i).toList();
    env.moto.writeLogs(id, lines);

    TestHost.Result r = logs(id);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines()).containsExactlyElementsOf(lines);
  }

  @Test
  void logs_atATerminal_runtimeLinesRenderedAsRunShowsThem() {
    String id = start();
    env.moto.writeLogs(
        id,
        List.of(
            new LogEvent(
                    1796120130042L,
                    "WARN",
                    "main",
                    "t.T",
                    Map.of("task", "sleep"),
                    "Disk almost full",
                    null,
                    null)
                .toJson()));
    env.host.interactive("").env("NO_COLOR", "1");

    TestHost.Result r = logs(id);

    assertThat(r.out()).matches("\\d\\d:\\d\\d:30\\.042 WARN  Disk almost full\n");
  }

  @Test
  void logs_since_onlyTheRecentLines() {
    String id = start();
    long now = Instant.now().toEpochMilli();
    env.moto.putEvents(id, List.of(event(now - Duration.ofHours(2).toMillis(), "old line")));
    env.moto.putEvents(id, List.of(event(now - 1_000, "recent line")));

    TestHost.Result r = logs(id, "--since", "10m");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("recent line\n");
  }

  @Test
  void logs_taskEcsForgot_stillReadFromItsStream() {
    String forgotten = "0123456789abcdef0123456789abcdef";
    env.moto.writeLogs(forgotten, List.of("from yesterday"));

    TestHost.Result r = logs(forgotten);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("from yesterday\n");
  }

  @Test
  void logs_unknownTaskWithoutAStream_isOneLineExit2() {
    TestHost.Result r = logs("0123456789abcdef0123456789abcdef");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("no task 0123456789abcdef0123456789abcdef in cluster " + MotoFixture.CLUSTER)
        .contains("no log stream");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void logs_follow_untilTheTaskStops_thenItsExitCode() {
    String id = start(3);
    env.moto.writeLogs(id, List.of("working", "done"));

    TestHost.Result r = logs(id, "--follow");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines()).containsExactly("working", "done");
    assertThat(env.moto.proxy.operations()).contains("ecs:DescribeTasks", "logs:GetLogEvents");
  }

  @Test
  void logs_localEnvironmentOrBadSince_isBadInputBeforeAnyCall() {
    env.host.env("TEST_TASKS_JAR", "tasks.jar");
    TestHost.Result local = env.host.run("logs", "-e", "local", "abc");
    TestHost.Result since = logs("abc", "--since", "0s");

    assertThat(local.exitCode()).isEqualTo(2);
    assertThat(local.err()).contains("runs tasks locally");
    assertThat(since.exitCode()).isEqualTo(2);
    assertThat(since.err()).contains("--since: must be a positive duration");
    assertThat(env.moto.proxy.operations()).isEmpty();
  }

  private String start() {
    return start(1000);
  }

  /** Started with --no-wait; moto moves it on after {@code describes} DescribeTasks per state. */
  private String start(int describes) {
    env.moto.moto.taskTransitions(describes);
    TestHost.Result r = env.run("-n", "sleep", "--no-wait", "--", "--seconds", "300");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Matcher m = STARTED.matcher(r.err());
    assertThat(m.find()).as(r.err()).isTrue();
    return m.group(2);
  }

  private static InputLogEvent event(long timestamp, String message) {
    return InputLogEvent.builder().timestamp(timestamp).message(message).build();
  }

  private TestHost.Result logs(String... args) {
    List<String> all = new ArrayList<>(List.of("logs", "-e", "moto"));
    all.addAll(List.of(args));
    all.addAll(List.of(env.moto.aws()));
    return env.host.run(all.toArray(String[]::new));
  }
}
