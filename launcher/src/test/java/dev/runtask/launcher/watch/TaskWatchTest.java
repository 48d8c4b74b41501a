package dev.runtask.launcher.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.launcher.support.FaultProxy;
import dev.runtask.launcher.support.FaultProxy.Reply;
import dev.runtask.launcher.support.MotoProject;
import dev.runtask.launcher.support.TestHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Waiting: --timeout, Ctrl-C, attach to a task left running, and the JSON report. */
class TaskWatchTest {
  @RegisterExtension final MotoProject env = new MotoProject();

  @Test
  void run_timeout_exits120AndSaysHowToFollow() {
    env.moto.moto.taskTransitions(1_000_000);

    TestHost.Result r = env.run("-n", "sleep", "--timeout", "20ms");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(120);
    assertThat(r.err())
        .contains("--timeout 20ms reached: task")
        .contains("is still running; follow it with `launcher attach -e moto ")
        .contains("`aws ecs describe-tasks --cluster runtask-test");
    assertThat(env.moto.proxy.operations()).doesNotContain("ecs:StopTask");
  }

  /**
   * At the real pace (DescribeTasks every 2 s at first) the wait used to notice the deadline only
   * at the next describe: --timeout 1s ended after 2 s. Every sleep now ends at the deadline.
   */
  @Test
  void run_timeout1sAtTheRealPace_endsAtTheDeadline() {
    env.moto.moto.taskTransitions(1_000_000);
    AtomicLong firstDescribe = new AtomicLong();
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply before(String operation, int n, ObjectNode request) {
            if (operation.equals("ecs:DescribeTasks") && n == 1) {
              firstDescribe.set(System.nanoTime());
            }
            return null;
          }
        });
    List<String> args = new ArrayList<>(List.of("run", "-e", "moto", "-n", "sleep"));
    args.addAll(List.of(env.moto.aws()).subList(0, 6));
    args.addAll(List.of("--timeout", "1s"));

    TestHost.Result r = env.host.run(args.toArray(String[]::new));
    Duration waited = Duration.ofNanos(System.nanoTime() - firstDescribe.get());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(120);
    assertThat(r.err()).contains("--timeout 1s reached");
    // Generous: the deadline is 1 s after the wait began, just before the first describe.
    assertThat(waited).isLessThan(Duration.ofMillis(1800));
  }

  @Test
  void run_timeoutWithStopOnTimeout_stopsTheTask() {
    env.moto.moto.taskTransitions(1_000_000);

    TestHost.Result r = env.run("-n", "sleep", "--timeout", "20ms", "--stop-on-timeout");

    assertThat(r.exitCode()).isEqualTo(120);
    assertThat(env.moto.proxy.operations()).contains("ecs:StopTask");
    assertThat(r.err()).contains("asked ECS to stop task");
  }

  private void interruptOnSecondDescribe() {
    env.moto.moto.taskTransitions(1_000_000);
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
            if (operation.equals("ecs:DescribeTasks") && n == 2) {
              env.host.interrupts().fire();
            }
            return null;
          }
        });
  }

  @Test
  void run_interruptWithStopOnInterrupt_stopsTaskAndExits121() {
    interruptOnSecondDescribe();

    TestHost.Result r = env.run("-n", "sleep", "--stop-on-interrupt");

    assertThat(r.exitCode()).isEqualTo(121);
    assertThat(env.moto.proxy.operations()).contains("ecs:StopTask");
  }

  @Test
  void run_interruptAnsweredNo_leavesTaskRunningAndExits121() {
    env.host.interactive("n\n");
    interruptOnSecondDescribe();

    TestHost.Result r = env.run("-n", "sleep");

    assertThat(r.exitCode()).isEqualTo(121);
    assertThat(r.err()).contains("Stop task").contains("is still running");
    assertThat(env.moto.proxy.operations()).doesNotContain("ecs:StopTask");
  }

  @Test
  void run_interruptAnsweredYes_stopsTask() {
    env.host.interactive("y\n");
    interruptOnSecondDescribe();

    TestHost.Result r = env.run("-n", "sleep");

    assertThat(r.exitCode()).isEqualTo(121);
    assertThat(env.moto.proxy.operations()).contains("ecs:StopTask");
  }

  @Test
  void attach_taskStartedWithNoWait_followsItToItsExitCode() {
    env.moto.proxy.hook(
        FaultProxy.stoppedAs(
            "EssentialContainerExited", "Essential container in task exited", 5, null));
    TestHost.Result started = env.run("-n", "hello-world", "--no-wait");
    String arn =
        started
            .err()
            .lines()
            .filter(l -> l.startsWith("started "))
            .findFirst()
            .orElseThrow()
            .substring(8);
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
            if (operation.equals("ecs:DescribeTasks") && n == 2) {
              env.moto.writeLogs(arn, List.of("from attach"));
            }
            return null;
          }
        });
    List<String> args =
        new ArrayList<>(List.of("attach", "-e", "moto", arn.substring(arn.lastIndexOf('/') + 1)));
    args.addAll(List.of(env.moto.aws()).subList(0, 6));
    args.addAll(
        List.of("--poll-interval", "1ms", "--max-poll-interval", "5ms", "--log-grace", "100ms"));

    TestHost.Result r = env.host.run(args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(r.err()).contains("attached to " + arn).contains("the task exited with code 5");
    assertThat(r.out()).isEqualTo("from attach\n");
  }

  @Test
  void attach_unknownTask_exits2() {
    List<String> args = new ArrayList<>(List.of("attach", "-e", "moto", "0123456789abcdef"));
    args.addAll(List.of(env.moto.aws()).subList(0, 6));

    TestHost.Result r = env.host.run(args.toArray(String[]::new));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no task 0123456789abcdef in cluster runtask-test");
  }

  @Test
  void run_outputJson_printsOneMachineReadableObject() throws Exception {
    env.moto.proxy.hook(
        FaultProxy.stoppedAs(
            "EssentialContainerExited", "Essential container in task exited", 4, null));

    TestHost.Result r = env.run("-n", "hello-world", "--output", "json");

    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("exitCode").asInt()).isEqualTo(4);
    assertThat(json.path("containerExitCode").asInt()).isEqualTo(4);
    assertThat(json.path("taskArn").asText())
        .startsWith("arn:aws:ecs:us-east-1:123456789012:task/runtask-test/");
    assertThat(json.path("taskDefinition").asText()).isEqualTo("runtask-test:1");
    assertThat(json.path("registered").asBoolean()).isTrue();
    assertThat(json.path("logStream").asText()).startsWith("runtask/task/");
    assertThat(r.exitCode()).isEqualTo(4);
  }
}
