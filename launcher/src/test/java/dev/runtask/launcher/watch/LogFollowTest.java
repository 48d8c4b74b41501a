package dev.runtask.launcher.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.contract.LogEvent;
import dev.runtask.launcher.support.FaultProxy;
import dev.runtask.launcher.support.FaultProxy.Reply;
import dev.runtask.launcher.support.MotoProject;
import dev.runtask.launcher.support.TestHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Following CloudWatch Logs: lines written while running and just before STOPPED, a stream that
 * appears late.
 */
class LogFollowTest {
  @RegisterExtension final MotoProject env = new MotoProject();

  @Test
  void run_logsWhileRunningAndJustBeforeStopped_printsEveryLineOnceInOrder() {
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
            if (operation.equals("ecs:DescribeTasks")) {
              JsonNode task = response.path("tasks").get(0);
              String arn = task.path("taskArn").asText();
              if (n == 1) {
                env.moto.writeLogs(arn, List.of("line 1", "line 2"));
              } else if (n == 2) {
                env.moto.writeLogs(arn, List.of("line 3"));
              } else if ("STOPPED".equals(task.path("lastStatus").asText()) && !stoppedSeen) {
                stoppedSeen = true;
                env.moto.writeLogs(arn, List.of("last 1", "last 2"));
              }
            }
            return null;
          }

          boolean stoppedSeen;
        });

    TestHost.Result r = env.run("-n", "hello-world");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("line 1\nline 2\nline 3\nlast 1\nlast 2\n");
  }

  @Test
  void run_logStreamAppearsLate_followsItFromTheStart() {
    env.moto.moto.taskTransitions(3);
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
            if (operation.equals("ecs:DescribeTasks") && n == 4) {
              env.moto.writeLogs(
                  response.path("tasks").get(0).path("taskArn").asText(),
                  List.of("started late", "still here"));
            }
            return null;
          }
        });

    TestHost.Result r = env.run("-n", "hello-world");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("started late\nstill here\n");
    assertThat(env.moto.proxy.operations().indexOf("logs:GetLogEvents"))
        .isLessThan(env.moto.proxy.operations().lastIndexOf("ecs:DescribeTasks"));
  }

  private static String runtimeLine(String level, String message, Integer exitCode) {
    return new LogEvent(
            1796120130042L,
            level,
            "main",
            "t.T",
            Map.of("task", "hello-world"),
            message,
            null,
            exitCode)
        .toJson();
  }

  /** run -n hello-world at the fast test pace, but with this grace for logs after STOPPED. */
  private TestHost.Result runWithGrace(String grace) {
    List<String> args = new ArrayList<>(List.of("run", "-e", "moto", "-n", "hello-world"));
    args.addAll(List.of(env.moto.aws()).subList(0, 6));
    args.addAll(
        List.of("--poll-interval", "1ms", "--max-poll-interval", "5ms", "--log-grace", grace));
    return env.host.run(args.toArray(String[]::new));
  }

  /** Writes {@code lines} at the first DescribeTasks, while the task runs. */
  private void logsWhileRunning(List<String> lines) {
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
            if (operation.equals("ecs:DescribeTasks") && n == 1) {
              env.moto.writeLogs(response.path("tasks").get(0).path("taskArn").asText(), lines);
            }
            return null;
          }
        });
  }

  @Test
  void run_atATerminal_runtimeLinesRenderedInColourOtherLinesUnchanged() {
    env.host.interactive("");
    logsWhileRunning(
        List.of(
            runtimeLine("INFO", "Hello, Ada!", null),
            "Picked up JAVA_TOOL_OPTIONS: -Xmx1g",
            runtimeLine("INFO", "Task hello-world finished with exit code 0 after 3 ms", 0)));

    TestHost.Result r = env.run("-n", "hello-world");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines())
        .hasSize(3)
        .satisfiesExactly(
            l ->
                assertThat(l)
                    .matches("\\d\\d:\\d\\d:30\\.042 \u001b\\[34mINFO \u001b\\[0;39m Hello, Ada!"),
            l -> assertThat(l).isEqualTo("Picked up JAVA_TOOL_OPTIONS: -Xmx1g"),
            l -> assertThat(l).endsWith(" Task hello-world finished with exit code 0 after 3 ms"));
  }

  @Test
  void run_atATerminalWithNoColor_renderedWithoutEscapes() {
    env.host.interactive("").env("NO_COLOR", "1");
    logsWhileRunning(List.of(runtimeLine("ERROR", "Task x failed", null)));

    TestHost.Result r = env.run("-n", "hello-world");

    assertThat(r.out()).matches("\\d\\d:\\d\\d:30\\.042 ERROR Task x failed\n");
  }

  @Test
  void run_notATerminal_linesExactlyAsTheTaskWroteThem() {
    String line = runtimeLine("INFO", "Hello, Ada!", null);
    logsWhileRunning(List.of(line));

    TestHost.Result r = env.run("-n", "hello-world");

    assertThat(r.out()).isEqualTo(line + "\n");
  }

  /** --output json: stdout is the report alone; the lines go to stderr as written, for tools. */
  @Test
  void run_outputJsonAtATerminal_linesAsWrittenOnStderr() {
    env.host.interactive("");
    String line = runtimeLine("INFO", "Hello, Ada!", null);
    logsWhileRunning(List.of(line));

    TestHost.Result r = env.run("-n", "hello-world", "--output", "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains(line + "\n");
    assertThat(r.out()).doesNotContain("Hello, Ada!").startsWith("{");
  }

  /** After the runtime's last line there is nothing to wait for: one last read, then the exit. */
  @Test
  void run_endOfLogMarkerRead_oneLastReadAfterStopped() {
    logsWhileRunning(
        List.of(runtimeLine("INFO", "Task hello-world finished with exit code 0 after 3 ms", 0)));

    TestHost.Result r = runWithGrace("30s");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> ops = env.moto.proxy.operations();
    assertThat(ops.subList(ops.lastIndexOf("ecs:DescribeTasks"), ops.size()))
        .containsExactly("ecs:DescribeTasks", "logs:GetLogEvents");
    assertThat(r.err()).doesNotContain("may be missing");
  }

  /** SIGKILL, out of memory, a foreign image: no last line, so the operator is told. */
  @Test
  void run_stoppedWithoutTheLastLine_saysLinesMayBeMissing() {
    logsWhileRunning(List.of("line 1", "line 2"));

    TestHost.Result r = env.run("-n", "hello-world");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("line 1\nline 2\n");
    assertThat(r.err())
        .contains("logs: the task stopped without the runtime's last line")
        .contains("may be missing");
  }

  @Test
  void run_stoppedWithoutTheLastLineButLogReachesTheStopTime_noWarning() {
    long loggedAt = System.currentTimeMillis();
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
            if (operation.equals("ecs:DescribeTasks")) {
              ObjectNode task = (ObjectNode) response.path("tasks").get(0);
              if (n == 1) {
                env.moto.writeLogsAt(task.path("taskArn").asText(), loggedAt, List.of("x"));
              }
              // ECS reports times in epoch seconds; the container stopped as it wrote the line.
              task.put("startedAt", (loggedAt - 5_000) / 1000.0)
                  .put("executionStoppedAt", loggedAt / 1000.0);
            }
            return null;
          }
        });

    TestHost.Result r = runWithGrace("30s");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("x\n");
    assertThat(r.err()).doesNotContain("may be missing");
  }

  /** The stream is made when the container starts: one that never started has none to wait for. */
  @Test
  void run_containerNeverStarted_endsWithoutWaitingForTheStream() {
    env.moto.proxy.hook(
        FaultProxy.stoppedAs(
            "TaskFailedToStart",
            "CannotPullContainerError: pull image manifest has been retried 5 time(s)",
            null,
            null));

    TestHost.Result r = runWithGrace("60s");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(125);
    assertThat(r.err()).contains("logs: none — the container never started");
  }

  /**
   * More lines than one GetLogEvents page, many sharing a millisecond: the forward token alone
   * moves the cursor, so each is printed once, in order.
   */
  @Test
  void run_moreLinesThanAPageSharingTimestamps_eachPrintedOnceInOrder() {
    List<String> lines = IntStream.range(0, 12_500).mapToObj(i -> "line " + i).toList();
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
            if (operation.equals("ecs:DescribeTasks") && n == 1) {
              String arn = response.path("tasks").get(0).path("taskArn").asText();
              long at = System.currentTimeMillis();
              for (int from = 0; from < lines.size(); from += 2_500) {
                env.moto.writeLogsAt(arn, at + from / 5_000, lines.subList(from, from + 2_500));
              }
            }
            return null;
          }
        });

    TestHost.Result r = env.run("-n", "hello-world");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines().toList()).isEqualTo(lines);
  }

  /**
   * At the real pace DescribeTasks waits 2 s and more between calls; reading the runtime's last
   * line is a reason to describe at once, so the STOPPED that follows is seen without that wait.
   */
  @Test
  void run_endOfLogMarkerAtTheRealPace_describesAtOnce() {
    AtomicLong firstDescribe = new AtomicLong();
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
            if (operation.equals("ecs:DescribeTasks")) {
              ObjectNode task = (ObjectNode) response.path("tasks").get(0);
              if (n == 1) {
                firstDescribe.set(System.nanoTime());
                env.moto.writeLogs(
                    task.path("taskArn").asText(),
                    List.of(runtimeLine("INFO", "Task hello-world finished with exit code 0", 0)));
              } else {
                task.put("lastStatus", "STOPPED").put("desiredStatus", "STOPPED");
              }
            }
            return null;
          }
        });
    List<String> args = new ArrayList<>(List.of("run", "-e", "moto", "-n", "hello-world"));
    args.addAll(List.of(env.moto.aws()).subList(0, 6));

    TestHost.Result r = env.host.run(args.toArray(String[]::new));
    Duration waited = Duration.ofNanos(System.nanoTime() - firstDescribe.get());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("finished with exit code 0");
    // Generous: the next describe by the backoff would come 2 s after the first.
    assertThat(waited).isLessThan(Duration.ofMillis(1500));
  }
}
