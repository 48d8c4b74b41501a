package dev.runtask.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtask.launcher.support.FaultProxy;
import dev.runtask.launcher.support.MotoFixture;
import dev.runtask.launcher.support.MotoProject;
import dev.runtask.launcher.support.TestHost;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;

/** {@code launcher ps} and {@code launcher stop} against moto (and the fault proxy for endings). */
class PsAndStopTest {
  private static final Pattern STARTED = Pattern.compile("started (arn:aws:ecs:\\S+/(\\S+))");

  @RegisterExtension final MotoProject env = new MotoProject();

  @BeforeEach
  void tasksKeepRunning() {
    // moto stops a task a few DescribeTasks after it started; these stay RUNNING until stopped.
    env.moto.moto.taskTransitions(1000);
  }

  @Test
  void ps_listsLaunchedTasksNewestFirstWithArgsAndWhoLaunched() {
    String first = start("hello-world", "--", "--name", "Ada");
    String second = start("sleep", "--", "--seconds", "300");

    TestHost.Result r = launcher("ps", "-e", "moto");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0))
        .startsWith("TASK ID")
        .contains("TASK", "ARGS", "LAUNCHED BY", "STATUS", "STARTED", "DURATION", "EXIT", "CAUSE");
    assertThat(lines).hasSize(3);
    assertThat(String.join("\n", lines)).contains(first).contains(second);
    String helloRow = lines.stream().filter(l -> l.contains(first)).findFirst().orElseThrow();
    assertThat(helloRow).contains("hello-world", "--name Ada", "moto", "RUNNING");
    String sleepRow = lines.stream().filter(l -> l.contains(second)).findFirst().orElseThrow();
    assertThat(sleepRow).contains("sleep", "--seconds 300");
  }

  @Test
  void ps_taskFilterAndJson_forScripts() throws Exception {
    String hello = start("hello-world");
    start("sleep", "--", "--seconds", "300");

    TestHost.Result r = launcher("ps", "-e", "moto", "-n", "hello-world", "--output", "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("cluster").asText()).isEqualTo(MotoFixture.CLUSTER);
    assertThat(json.path("tasks")).hasSize(1);
    JsonNode task = json.path("tasks").get(0);
    assertThat(task.path("taskId").asText()).isEqualTo(hello);
    assertThat(task.path("task").asText()).isEqualTo("hello-world");
    assertThat(task.path("status").asText()).isEqualTo("RUNNING");
    assertThat(task.path("launchedBy").asText()).isEqualTo("moto");
  }

  @Test
  void ps_onlyTheLaunchersTasks_andSecretsMasked() {
    startOutsideLauncher("hello-world", "");
    startOutsideLauncher("export-sales-report", "runtask-launcher", "--api-token", "s3cr3t-value");

    TestHost.Result r = launcher("ps", "-e", "moto");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines()).hasSize(2);
    assertThat(r.out()).contains("--api-token ****").doesNotContain("s3cr3t-value");
    assertThat(r.out()).doesNotContain("hello-world");
  }

  @Test
  void ps_nothingRunning_saysSoOnStderr() {
    TestHost.Result r = launcher("ps", "-e", "moto");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("no tasks started by the launcher in cluster " + MotoFixture.CLUSTER);
  }

  @Test
  void ps_unknownTaskOrLocalEnvironment_isBadInputBeforeAnyCall() {
    TestHost.Result typo = launcher("ps", "-e", "moto", "-n", "helo-world");
    env.host.env("TEST_TASKS_JAR", "tasks.jar");
    TestHost.Result local = launcher("ps", "-e", "local");

    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("hello-world");
    assertThat(local.exitCode()).isEqualTo(2);
    assertThat(local.err()).contains("runs tasks locally");
    assertThat(env.moto.proxy.operations()).isEmpty();
  }

  @Test
  void stop_runningTask_stopsWithWhoAndWhy_andExitsZeroOnItsSigterm() {
    String id = start("sleep", "--", "--seconds", "300");
    env.moto.proxy.hook(
        FaultProxy.stoppedAs("UserInitiated", "launcher stop by moto: freeze", 143, null));

    TestHost.Result r = stop(id, "--reason", "freeze");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(env.moto.proxy.calls("ecs:StopTask")).hasSize(1);
    JsonNode request = env.moto.proxy.calls("ecs:StopTask").get(0).body();
    assertThat(request.path("reason").asText()).isEqualTo("launcher stop by moto: freeze");
    assertThat(request.path("task").asText()).endsWith(id);
    assertThat(r.err())
        .contains("asked ECS to stop task " + id + " (sleep)")
        .contains("stopped by you (the task exited with code 143)");
  }

  @Test
  void stop_taskKilledAfterTheStopTimeout_exits137AndSaysSo() {
    String id = start("sleep", "--", "--seconds", "300");
    env.moto.proxy.hook(FaultProxy.stoppedAs("UserInitiated", "launcher stop by moto", 137, null));

    TestHost.Result r = stop(id);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(137);
    assertThat(r.err()).contains("did not end on SIGTERM within its stop timeout");
  }

  @Test
  void stop_unknownTask_orNotTheLaunchers_changesNothing() {
    String foreign = startOutsideLauncher("hello-world", "");

    TestHost.Result unknown = stop("0123456789abcdef0123456789abcdef");
    TestHost.Result notOurs = stop(foreign);

    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no task 0123456789abcdef0123456789abcdef in cluster");
    assertThat(notOurs.exitCode()).isEqualTo(2);
    assertThat(notOurs.err()).contains("was not started by the launcher");
    assertThat(env.moto.proxy.operations()).doesNotContain("ecs:StopTask");
  }

  @Test
  void stop_alreadyStopped_saysSoAndSendsNoStop() {
    String id = start("hello-world");
    env.moto.ecs.stopTask(r -> r.cluster(MotoFixture.CLUSTER).task(id).reason("done"));

    TestHost.Result r = stop(id);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("has already stopped").contains("nothing to stop");
    assertThat(env.moto.proxy.operations()).doesNotContain("ecs:StopTask");
  }

  @Test
  void stop_confirmedEnvironmentWithoutTerminal_orOverlongReason_isRefusedBeforeAnyCall() {
    TestHost.Result production = stop("-e", "moto-prod", "abc");
    TestHost.Result longReason = stop("abc", "--reason", "x".repeat(121));

    assertThat(production.exitCode()).isEqualTo(2);
    assertThat(production.err()).contains("re-run with --yes");
    assertThat(longReason.exitCode()).isEqualTo(2);
    assertThat(longReason.err()).contains("--reason: 121 characters; at most 120");
    assertThat(env.moto.proxy.operations()).isEmpty();
  }

  /** {@code launcher run -e moto --no-wait -n TASK args}; returns the task id. */
  private String start(String task, String... args) {
    List<String> all = new ArrayList<>(List.of("-n", task, "--no-wait"));
    all.addAll(List.of(args));
    TestHost.Result r = env.run(all.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Matcher m = STARTED.matcher(r.err());
    assertThat(m.find()).as(r.err()).isTrue();
    return m.group(2);
  }

  /** RunTask straight to moto, as another tool would; returns the task id. */
  private String startOutsideLauncher(String task, String startedBy, String... args) {
    String family = "outside-" + task;
    env.moto.ecs.registerTaskDefinition(
        r ->
            r.family(family)
                .networkMode("awsvpc")
                .requiresCompatibilities(
                    software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                .cpu("256")
                .memory("512")
                .containerDefinitions(c -> c.name("task").image("runtask:abc123").memory(512)));
    List<String> command = new ArrayList<>(List.of(task));
    command.addAll(List.of(args));
    String arn =
        env.moto
            .ecs
            .runTask(
                r ->
                    r.cluster(MotoFixture.CLUSTER)
                        .taskDefinition(family)
                        .launchType("FARGATE")
                        .startedBy(startedBy.isEmpty() ? null : startedBy)
                        .networkConfiguration(
                            n ->
                                n.awsvpcConfiguration(
                                    v ->
                                        v.subnets(env.moto.subnet)
                                            .securityGroups(env.moto.securityGroup)
                                            .assignPublicIp(AssignPublicIp.DISABLED)))
                        .overrides(o -> o.containerOverrides(c -> c.name("task").command(command))))
            .tasks()
            .get(0)
            .taskArn();
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  private TestHost.Result launcher(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "-k",
            "AKIATESTKEY",
            "-s",
            "test-secret-do-not-print",
            "--endpoint-url",
            env.moto.proxy.endpoint().toString()));
    return env.host.run(all.toArray(String[]::new));
  }

  private TestHost.Result stop(String... args) {
    List<String> all = new ArrayList<>(List.of("stop"));
    if (!List.of(args).contains("-e")) {
      all.addAll(List.of("-e", "moto"));
    }
    all.addAll(List.of(args));
    all.addAll(List.of(env.moto.aws()));
    return env.host.run(all.toArray(String[]::new));
  }
}
