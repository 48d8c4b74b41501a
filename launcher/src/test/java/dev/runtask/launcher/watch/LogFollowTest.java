package dev.runtask.launcher.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.launcher.support.FaultProxy;
import dev.runtask.launcher.support.FaultProxy.Reply;
import dev.runtask.launcher.support.MotoProject;
import dev.runtask.launcher.support.TestHost;
import java.util.List;
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
}
