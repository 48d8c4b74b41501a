package dev.runtask.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.launcher.support.FaultProxy;
import dev.runtask.launcher.support.FaultProxy.Reply;
import dev.runtask.launcher.support.MotoFixture;
import dev.runtask.launcher.support.MotoProject;
import dev.runtask.launcher.support.TestHost;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What moto cannot do, injected by the proxy: stop reasons, exit codes, failures[], throttling,
 * 5xx, access denied.
 */
class EcsFaultTest {
  @RegisterExtension final MotoProject env = new MotoProject();

  @ParameterizedTest(name = "{0} exit {2} → {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "EssentialContainerExited | Essential container in task exited | 3 | null | 3 | the task exited with code 3",
        "EssentialContainerExited | Essential container in task exited | 1 | null | 1 | the task failed (exit 1)",
        "EssentialContainerExited | Essential container in task exited | 100 | null | 100 | single-instance task is running",
        "SpotInterruption | Your Spot Task was interrupted. | 143 | null | 126 | Fargate Spot took the capacity back",
        "UserInitiated | Task stopped by user | 143 | null | 126 | stopped by StopTask (Task stopped by user)",
        "ServiceSchedulerInitiated | Scaling activity initiated | null | null | 126 | the ECS scheduler stopped the task",
        "TaskFailedToStart | CannotPullContainerError: pull image manifest has been retried 5 time(s) | null | null | 125 | check the image tag",
        "TaskFailedToStart | ResourceInitializationError: unable to pull secrets or registry auth | null | null | 125 | check the execution role",
        "TaskFailedToStart | Timeout waiting for network interface provisioning | null | null | 125 | the task failed to start",
        "EssentialContainerExited | Essential container in task exited | 137 | OutOfMemoryError: Container killed due to memory usage | 137 | raise \"memory\" in task-definitions/moto/tasks/hello-world.json",
      })
  void run_stopReason_exitsWithDocumentedCodeAndExplains(
      String stopCode,
      String reason,
      Integer exitCode,
      String containerReason,
      int expected,
      String explanation) {
    env.moto.proxy.hook(FaultProxy.stoppedAs(stopCode, reason, exitCode, containerReason));

    TestHost.Result r = env.run("-n", "hello-world");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(expected);
    assertThat(r.err()).contains(explanation);
  }

  @Test
  void run_runTaskFailures_exits125WithReason() {
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply before(String operation, int n, ObjectNode request) {
            return operation.equals("ecs:RunTask")
                ? Reply.json(
                    "{\"tasks\":[],\"failures\":[{\"arn\":"
                        + "\"arn:aws:ecs:us-east-1:123456789012:cluster/runtask-test\",\"reason\":\"RESOURCE:MEMORY\"}]}")
                : null;
          }
        });

    TestHost.Result r = env.run("-n", "hello-world");

    assertThat(r.exitCode()).isEqualTo(125);
    assertThat(r.err())
        .contains("RunTask did not start the task: RESOURCE:MEMORY")
        .contains("lower cpu/memory");
    assertThat(env.moto.proxy.operations()).doesNotContain("ecs:DescribeTasks");
  }

  @Test
  void run_throttled_retriesAndStartsExactlyOneTask() {
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply before(String operation, int n, ObjectNode request) {
            return operation.equals("ecs:RunTask") && n <= 2
                ? Reply.awsJsonError(400, "ThrottlingException", "Rate exceeded")
                : null;
          }
        });

    TestHost.Result r = env.run("-n", "hello-world", "--no-wait");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<FaultProxy.Call> calls = env.moto.proxy.calls("ecs:RunTask");
    assertThat(calls).hasSize(3);
    assertThat(calls)
        .extracting(c -> c.body().path("clientToken").asText())
        .containsOnly(calls.get(0).body().path("clientToken").asText());
    assertThat(env.moto.ecs.listTasks(b -> b.cluster(MotoFixture.CLUSTER)).taskArns()).hasSize(1);
  }

  @Test
  void run_serverErrorAfterTaskStarted_retriesWithSameClientTokenAndStartsOneTask() {
    env.moto
        .proxy
        .hook(FaultProxy.runTaskIdempotency())
        .hook(
            new FaultProxy.Hook() {
              @Override
              public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
                return operation.equals("ecs:RunTask") && n == 1
                    ? Reply.awsJsonError(500, "ServerException", "Service unavailable")
                    : null;
              }
            });

    TestHost.Result r = env.run("-n", "hello-world", "--no-wait");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<FaultProxy.Call> calls = env.moto.proxy.calls("ecs:RunTask");
    assertThat(calls).hasSize(2);
    assertThat(calls.get(1).body().path("clientToken"))
        .isEqualTo(calls.get(0).body().path("clientToken"));
    assertThat(env.moto.ecs.listTasks(b -> b.cluster(MotoFixture.CLUSTER)).taskArns()).hasSize(1);
  }

  @Test
  void run_describeTasksFailsWhileWaiting_warnsAndKeepsWaiting() {
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply before(String operation, int n, ObjectNode request) {
            // Calls 2-4 are one SDK call with its retries: the watcher sees one failure.
            return operation.equals("ecs:DescribeTasks") && n >= 2 && n <= 4
                ? Reply.awsJsonError(500, "ServerException", "Service unavailable")
                : null;
          }
        });

    TestHost.Result r = env.run("-n", "hello-world");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("warning: DescribeTasks failed").contains("status: STOPPED");
  }

  @Test
  void run_describeTasksKeepsFailing_exits110NamingTheTaskThatMayStillRun() {
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply before(String operation, int n, ObjectNode request) {
            return operation.equals("ecs:DescribeTasks")
                ? Reply.awsJsonError(400, "AccessDeniedException", "not authorized: DescribeTasks")
                : null;
          }
        });

    TestHost.Result r = env.run("-n", "hello-world", "--output", "json");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(110);
    assertThat(r.err())
        .contains("DescribeTasks failed 10 times in a row (not authorized: DescribeTasks")
        .contains("may still be running — follow it with `launcher attach -e moto ");
    assertThat(r.out()).contains("\"exitCode\" : 110").contains("\"taskArn\" : \"arn:aws:ecs:");
  }

  @Test
  void run_accessDeniedWithOutputJson_printsTheFailureAsJson() {
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply before(String operation, int n, ObjectNode request) {
            return operation.equals("ecs:RunTask")
                ? Reply.awsJsonError(400, "AccessDeniedException", "not authorized: ecs:RunTask")
                : null;
          }
        });

    TestHost.Result r = env.run("-n", "hello-world", "--output", "json");

    assertThat(r.exitCode()).isEqualTo(110);
    assertThat(r.out())
        .contains("\"exitCode\" : 110")
        .contains("\"explanation\" : \"ecs:RunTask failed: not authorized: ecs:RunTask");
  }

  @Test
  void run_accessDenied_exits110NamingTheCallAndTheRevisionItLeft() {
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply before(String operation, int n, ObjectNode request) {
            return operation.equals("ecs:RunTask")
                ? Reply.awsJsonError(
                    400, "AccessDeniedException", "User is not authorized to perform: ecs:RunTask")
                : null;
          }
        });

    TestHost.Result r = env.run("-n", "hello-world");

    assertThat(r.exitCode()).isEqualTo(110);
    assertThat(r.err())
        .contains("launcher: ecs:RunTask failed: User is not authorized to perform: ecs:RunTask")
        .contains(
            "(task definition runtask-test:1 had already been registered by this run; it stays,"
                + " and the next run reuses it)");
  }

  @Test
  void run_spotEnvironment_sendsCapacityProviderStrategy() {
    env.moto.proxy.hook(
        new FaultProxy.Hook() {
          @Override
          public Reply before(String operation, int n, ObjectNode request) {
            if (operation.equals("ecs:RunTask")) {
              // moto runs only launchType FARGATE; the recorded request keeps what the launcher
              // sent.
              request.remove("capacityProviderStrategy");
              request.put("launchType", "FARGATE");
            }
            return null;
          }
        });
    TestHost.Result r = env.runOn(env.host, "-e", "moto-spot", "-n", "hello-world", "--no-wait");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode sent = env.moto.proxy.calls("ecs:RunTask").get(0).body();
    assertThat(sent.has("launchType")).isFalse();
    assertThat(sent.path("capacityProviderStrategy").get(0).path("capacityProvider").asText())
        .isEqualTo("FARGATE_SPOT");
  }
}
