package dev.runtask.launcher.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.launcher.support.FaultProxy;
import dev.runtask.launcher.support.FaultProxy.Reply;
import dev.runtask.launcher.support.MotoFixture;
import dev.runtask.launcher.support.Projects;
import dev.runtask.launcher.support.TestHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What moto cannot do, injected by the proxy: stop reasons, exit codes, failures[], throttling, 5xx. */
class EcsFaultTest {
    @TempDir
    Path dir;
    MotoFixture moto;
    Path project;
    TestHost host;

    @BeforeEach
    void setUp() {
        moto = new MotoFixture();
        project = Projects.copyTo(dir);
        host = moto.host(project);
    }

    @AfterEach
    void tearDown() {
        moto.moto.unsetTaskTransitions();
        moto.close();
    }

    private TestHost.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "-e", "moto"));
        all.addAll(List.of(moto.aws()));
        all.addAll(List.of(args));
        return host.run(all.toArray(String[]::new));
    }

    /** Rewrites the STOPPED task description the way ECS would report the given ending. */
    private void whenStopped(String stopCode, String stoppedReason, Integer exitCode, String containerReason) {
        moto.proxy.hook(new FaultProxy.Hook() {
            @Override
            public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
                if (operation.equals("ecs:DescribeTasks") && response.path("tasks").size() > 0) {
                    ObjectNode task = (ObjectNode) response.path("tasks").get(0);
                    if ("STOPPED".equals(task.path("lastStatus").asText())) {
                        task.put("stopCode", stopCode).put("stoppedReason", stoppedReason);
                        ObjectNode container = (ObjectNode) task.path("containers").get(0);
                        if (exitCode == null) {
                            container.remove("exitCode");
                        } else {
                            container.put("exitCode", exitCode);
                        }
                        if (containerReason != null) {
                            container.put("reason", containerReason);
                        }
                    }
                }
                return null;
            }
        });
    }

    @ParameterizedTest(name = "{0} exit {2} → {4}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
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
    void run_stopReason_exitsWithDocumentedCodeAndExplains(String stopCode, String reason, Integer exitCode,
                                                           String containerReason, int expected, String explanation) {
        whenStopped(stopCode, reason, exitCode, containerReason);

        TestHost.Result r = run("-n", "hello-world");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(expected);
        assertThat(r.err()).contains(explanation);
    }

    @Test
    void run_runTaskFailures_exits125WithReason() {
        moto.proxy.hook(new FaultProxy.Hook() {
            @Override
            public Reply before(String operation, int n, ObjectNode request) {
                return operation.equals("ecs:RunTask") ? Reply.json("{\"tasks\":[],\"failures\":[{\"arn\":"
                        + "\"arn:aws:ecs:us-east-1:123456789012:cluster/runtask-test\",\"reason\":\"RESOURCE:MEMORY\"}]}") : null;
            }
        });

        TestHost.Result r = run("-n", "hello-world");

        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).contains("RunTask did not start the task: RESOURCE:MEMORY").contains("lower cpu/memory");
        assertThat(moto.proxy.operations()).doesNotContain("ecs:DescribeTasks");
    }

    @Test
    void run_throttled_retriesAndStartsExactlyOneTask() {
        moto.proxy.hook(new FaultProxy.Hook() {
            @Override
            public Reply before(String operation, int n, ObjectNode request) {
                return operation.equals("ecs:RunTask") && n <= 2
                        ? Reply.awsJsonError(400, "ThrottlingException", "Rate exceeded") : null;
            }
        });

        TestHost.Result r = run("-n", "hello-world", "--no-wait");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<FaultProxy.Call> calls = moto.proxy.calls("ecs:RunTask");
        assertThat(calls).hasSize(3);
        assertThat(calls).extracting(c -> c.body().path("clientToken").asText()).containsOnly(calls.get(0).body().path("clientToken").asText());
        assertThat(moto.ecs.listTasks(b -> b.cluster(MotoFixture.CLUSTER)).taskArns()).hasSize(1);
    }

    @Test
    void run_serverErrorAfterTaskStarted_retriesWithSameClientTokenAndStartsOneTask() {
        moto.proxy.hook(FaultProxy.runTaskIdempotency()).hook(new FaultProxy.Hook() {
            @Override
            public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
                return operation.equals("ecs:RunTask") && n == 1
                        ? Reply.awsJsonError(500, "ServerException", "Service unavailable") : null;
            }
        });

        TestHost.Result r = run("-n", "hello-world", "--no-wait");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<FaultProxy.Call> calls = moto.proxy.calls("ecs:RunTask");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).body().path("clientToken")).isEqualTo(calls.get(0).body().path("clientToken"));
        assertThat(moto.ecs.listTasks(b -> b.cluster(MotoFixture.CLUSTER)).taskArns()).hasSize(1);
    }

    @Test
    void run_describeTasksFailsWhileWaiting_warnsAndKeepsWaiting() {
        moto.proxy.hook(new FaultProxy.Hook() {
            @Override
            public Reply before(String operation, int n, ObjectNode request) {
                // Calls 2-4 are one SDK call with its retries: the watcher sees one failure.
                return operation.equals("ecs:DescribeTasks") && n >= 2 && n <= 4
                        ? Reply.awsJsonError(500, "ServerException", "Service unavailable") : null;
            }
        });

        TestHost.Result r = run("-n", "hello-world");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("warning: DescribeTasks failed").contains("status: STOPPED");
    }

    @Test
    void run_accessDenied_exits110() {
        moto.proxy.hook(new FaultProxy.Hook() {
            @Override
            public Reply before(String operation, int n, ObjectNode request) {
                return operation.equals("ecs:RunTask") ? Reply.awsJsonError(400, "AccessDeniedException",
                        "User is not authorized to perform: ecs:RunTask") : null;
            }
        });

        TestHost.Result r = run("-n", "hello-world");

        assertThat(r.exitCode()).isEqualTo(110);
        assertThat(r.err()).contains("AWS call failed: User is not authorized to perform: ecs:RunTask");
    }

    @Test
    void run_logsWhileRunningAndJustBeforeStopped_printsEveryLineOnceInOrder() {
        moto.proxy.hook(new FaultProxy.Hook() {
            @Override
            public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
                if (operation.equals("ecs:DescribeTasks")) {
                    JsonNode task = response.path("tasks").get(0);
                    String arn = task.path("taskArn").asText();
                    if (n == 1) {
                        moto.writeLogs(arn, List.of("line 1", "line 2"));
                    } else if (n == 2) {
                        moto.writeLogs(arn, List.of("line 3"));
                    } else if ("STOPPED".equals(task.path("lastStatus").asText()) && !stoppedSeen) {
                        stoppedSeen = true;
                        moto.writeLogs(arn, List.of("last 1", "last 2"));
                    }
                }
                return null;
            }

            boolean stoppedSeen;
        });

        TestHost.Result r = run("-n", "hello-world");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("line 1\nline 2\nline 3\nlast 1\nlast 2\n");
    }

    @Test
    void run_logStreamAppearsLate_followsItFromTheStart() {
        moto.moto.taskTransitions(3);
        moto.proxy.hook(new FaultProxy.Hook() {
            @Override
            public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
                if (operation.equals("ecs:DescribeTasks") && n == 4) {
                    moto.writeLogs(response.path("tasks").get(0).path("taskArn").asText(), List.of("started late", "still here"));
                }
                return null;
            }
        });

        TestHost.Result r = run("-n", "hello-world");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("started late\nstill here\n");
        assertThat(moto.proxy.operations().indexOf("logs:GetLogEvents")).isLessThan(moto.proxy.operations().lastIndexOf("ecs:DescribeTasks"));
    }

    @Test
    void run_timeout_exits120AndSaysHowToFollow() {
        moto.moto.taskTransitions(1_000_000);

        TestHost.Result r = run("-n", "sleep", "--timeout", "20ms");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(120);
        assertThat(r.err()).contains("--timeout 20ms reached: task").contains("is still running; follow it with `launcher attach -e moto ")
                .contains("`aws ecs describe-tasks --cluster runtask-test");
        assertThat(moto.proxy.operations()).doesNotContain("ecs:StopTask");
    }

    @Test
    void attach_taskStartedWithNoWait_followsItToItsExitCode() {
        whenStopped("EssentialContainerExited", "Essential container in task exited", 5, null);
        TestHost.Result started = run("-n", "hello-world", "--no-wait");
        String arn = started.err().lines().filter(l -> l.startsWith("started ")).findFirst().orElseThrow().substring(8);
        moto.proxy.hook(new FaultProxy.Hook() {
            @Override
            public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
                if (operation.equals("ecs:DescribeTasks") && n == 2) {
                    moto.writeLogs(arn, List.of("from attach"));
                }
                return null;
            }
        });
        List<String> args = new ArrayList<>(List.of("attach", "-e", "moto", arn.substring(arn.lastIndexOf('/') + 1)));
        args.addAll(List.of(moto.aws()).subList(0, 6));
        args.addAll(List.of("--poll-interval", "1ms", "--max-poll-interval", "5ms", "--log-grace", "100ms"));

        TestHost.Result r = host.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).contains("attached to " + arn).contains("the task exited with code 5");
        assertThat(r.out()).isEqualTo("from attach\n");
    }

    @Test
    void attach_unknownTask_exits2() {
        List<String> args = new ArrayList<>(List.of("attach", "-e", "moto", "0123456789abcdef"));
        args.addAll(List.of(moto.aws()).subList(0, 6));

        TestHost.Result r = host.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no task 0123456789abcdef in cluster runtask-test");
    }

    @Test
    void run_timeoutWithStopOnTimeout_stopsTheTask() {
        moto.moto.taskTransitions(1_000_000);

        TestHost.Result r = run("-n", "sleep", "--timeout", "20ms", "--stop-on-timeout");

        assertThat(r.exitCode()).isEqualTo(120);
        assertThat(moto.proxy.operations()).contains("ecs:StopTask");
        assertThat(r.err()).contains("asked ECS to stop task");
    }

    private void interruptOnSecondDescribe() {
        moto.moto.taskTransitions(1_000_000);
        moto.proxy.hook(new FaultProxy.Hook() {
            @Override
            public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
                if (operation.equals("ecs:DescribeTasks") && n == 2) {
                    host.interrupts().fire();
                }
                return null;
            }
        });
    }

    @Test
    void run_interruptWithStopOnInterrupt_stopsTaskAndExits121() {
        interruptOnSecondDescribe();

        TestHost.Result r = run("-n", "sleep", "--stop-on-interrupt");

        assertThat(r.exitCode()).isEqualTo(121);
        assertThat(moto.proxy.operations()).contains("ecs:StopTask");
    }

    @Test
    void run_interruptAnsweredNo_leavesTaskRunningAndExits121() {
        host.interactive("n\n");
        interruptOnSecondDescribe();

        TestHost.Result r = run("-n", "sleep");

        assertThat(r.exitCode()).isEqualTo(121);
        assertThat(r.err()).contains("Stop task").contains("is still running");
        assertThat(moto.proxy.operations()).doesNotContain("ecs:StopTask");
    }

    @Test
    void run_interruptAnsweredYes_stopsTask() {
        host.interactive("y\n");
        interruptOnSecondDescribe();

        TestHost.Result r = run("-n", "sleep");

        assertThat(r.exitCode()).isEqualTo(121);
        assertThat(moto.proxy.operations()).contains("ecs:StopTask");
    }

    @Test
    void run_outputJson_printsOneMachineReadableObject() throws Exception {
        whenStopped("EssentialContainerExited", "Essential container in task exited", 4, null);

        TestHost.Result r = run("-n", "hello-world", "--output", "json");

        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("exitCode").asInt()).isEqualTo(4);
        assertThat(json.path("containerExitCode").asInt()).isEqualTo(4);
        assertThat(json.path("taskArn").asText()).startsWith("arn:aws:ecs:us-east-1:123456789012:task/runtask-test/");
        assertThat(json.path("taskDefinition").asText()).isEqualTo("runtask-test:1");
        assertThat(json.path("registered").asBoolean()).isTrue();
        assertThat(json.path("logStream").asText()).startsWith("runtask/task/");
        assertThat(r.exitCode()).isEqualTo(4);
    }

    @Test
    void run_spotEnvironment_sendsCapacityProviderStrategy() {
        moto.proxy.hook(new FaultProxy.Hook() {
            @Override
            public Reply before(String operation, int n, ObjectNode request) {
                if (operation.equals("ecs:RunTask")) {
                    // moto runs only launchType FARGATE; the recorded request keeps what the launcher sent.
                    request.remove("capacityProviderStrategy");
                    request.put("launchType", "FARGATE");
                }
                return null;
            }
        });
        List<String> args = new ArrayList<>(List.of("run", "-e", "moto-spot"));
        args.addAll(List.of(moto.aws()));
        args.addAll(List.of("-n", "hello-world", "--no-wait"));

        TestHost.Result r = host.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode sent = moto.proxy.calls("ecs:RunTask").get(0).body();
        assertThat(sent.has("launchType")).isFalse();
        assertThat(sent.path("capacityProviderStrategy").get(0).path("capacityProvider").asText()).isEqualTo("FARGATE_SPOT");
    }
}
