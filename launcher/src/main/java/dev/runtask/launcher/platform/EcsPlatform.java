package dev.runtask.launcher.platform;

import dev.runtask.contract.ExitCodes;
import dev.runtask.launcher.aws.AwsClients;
import dev.runtask.launcher.aws.CallerIdentity;
import dev.runtask.launcher.aws.ConsoleUrls;
import dev.runtask.launcher.aws.ImageCheck;
import dev.runtask.launcher.aws.TaskDefinitionRegistrar;
import dev.runtask.launcher.aws.TaskDefinitionRegistrar.Registration;
import dev.runtask.launcher.aws.TaskStarter;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.exit.Failure;
import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.explain.Outcome;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.io.Terminal;
import dev.runtask.launcher.run.RunPlan;
import dev.runtask.launcher.run.RunResult;
import dev.runtask.launcher.watch.TaskWatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The ECS pipeline: caller identity and account pin → production confirmation → image check →
 * register-if-changed → RunTask → watch (status + logs) → exit code with an explanation.
 */
public final class EcsPlatform implements TaskPlatform {
  private final Host host;
  private final AwsClients clients;

  public EcsPlatform(Host host, AwsClients clients) {
    this.host = host;
    this.clients = clients;
  }

  @Override
  public RunResult run(RunPlan plan) {
    EnvironmentConfig config = plan.environment().config();
    String command = String.join(" ", plan.redactedCommand());
    if (plan.options().dryRun()) {
      RunResult.DryRun dryRun = RunRequests.dryRun(host, plan);
      return new RunResult(
          plan.environment().name(),
          plan.task(),
          command,
          null,
          null,
          dryRun,
          new Outcome(ExitCodes.SUCCESS, null));
    }
    Prepared prepared = prepare(plan);
    Registration registration = prepared.registration();
    try {
      return startAndWatch(plan, registration, prepared.launch(), command);
    } catch (RuntimeException e) {
      if (!registration.registered()) {
        throw e;
      }
      throw Failure.of(e)
          .after(
              e,
              "task definition "
                  + registration.familyRevision()
                  + " had already been registered by this run; it stays, and the next run reuses"
                  + " it");
    }
  }

  private RunResult startAndWatch(
      RunPlan plan, Registration registration, TaskStarter.Launch launch, String command) {
    EnvironmentConfig config = plan.environment().config();
    RunTaskRequest request = TaskStarter.request(config, launch);
    Task task = new TaskStarter(clients.ecs()).start(request);
    RunResult.Started started =
        announce(
            registration.familyRevision(),
            registration.registered(),
            task.taskArn(),
            config,
            "started ");
    if (!plan.options().waitForStop()) {
      host.terminal().info("follow it with: " + attachCommand(plan, task.taskArn()));
      return new RunResult(
          plan.environment().name(),
          plan.task(),
          command,
          started,
          null,
          null,
          new Outcome(ExitCodes.SUCCESS, null));
    }
    TaskWatch.Ending ending = new TaskWatch(host, clients).watch(plan, task);
    return new RunResult(
        plan.environment().name(),
        plan.task(),
        command,
        started,
        ending.watched(),
        null,
        ending.outcome());
  }

  /**
   * Everything before RunTask, done once per run (also for a fan-out of N shards): who am I and the
   * account pin, confirmation, image check, register-if-changed; and the launch of the registered
   * revision (a fan-out adds its shard's variables, tags and clientToken to it).
   */
  public record Prepared(Registration registration, TaskStarter.Launch launch) {}

  public Prepared prepare(RunPlan plan) {
    EnvironmentConfig config = plan.environment().config();
    Confirmation.requirePossible(host, plan);
    CallerIdentity caller = CallerIdentity.of(clients.sts());
    caller.requireAccount(config.accountId(), plan.environment().name());
    Confirmation.confirm(host, plan, caller.account());
    // Both are reads: the latest revision is fetched while the image is checked. The image
    // check comes before registering so an unpushed commit leaves no revision behind.
    TaskDefinitionRegistrar registrar = new TaskDefinitionRegistrar(clients.ecs());
    CompletableFuture<TaskDefinition> latest =
        CompletableFuture.supplyAsync(
            () -> registrar.latest(plan.definition().family()), EcsPlatform::daemon);
    new ImageCheck(clients.ecr()).check(RunRequests.image(plan));
    Registration registration = registrar.registerIfChanged(plan.definition(), join(latest));
    announce(host.terminal(), registration);
    return new Prepared(registration, RunRequests.launch(plan, registration.arn(), caller.arn()));
  }

  /**
   * The command line that follows {@code taskArn} from another shell: the same environment, region
   * and endpoint; credentials are never part of it.
   */
  private String attachCommand(RunPlan plan, String taskArn) {
    StringBuilder line = new StringBuilder("launcher attach -e ").append(plan.environment().name());
    if (!clients.settings().region().equals(plan.environment().config().region())) {
      line.append(" --region ").append(clients.settings().region());
    }
    if (clients.settings().endpoint() != null) {
      line.append(" --endpoint-url ").append(clients.settings().endpoint());
    }
    return line.append(' ').append(ConsoleUrls.taskId(taskArn)).toString();
  }

  /**
   * Waits for a task started earlier (run --no-wait, a --timeout, a detach) exactly as run would.
   * The plan is made once the task is known: its name comes from the task's command override.
   */
  public RunResult attach(
      EnvironmentConfig config, String taskArnOrId, Function<String, RunPlan> planFor) {
    String cluster = config.cluster();
    var described = clients.ecs().describeTasks(b -> b.cluster(cluster).tasks(taskArnOrId));
    if (!described.hasTasks() || described.tasks().isEmpty()) {
      throw LauncherException.badInput(
          "no task "
              + taskArnOrId
              + " in cluster "
              + cluster
              + " (ECS keeps stopped tasks for about an hour; the id is the last part of the task"
              + " ARN that run printed)");
    }
    Task task = described.tasks().get(0);
    RunPlan plan = planFor.apply(taskName(task, config.containerName()));
    RunResult.Started started = announce(null, null, task.taskArn(), config, "attached to ");
    TaskWatch.Ending ending = new TaskWatch(host, clients).watch(plan, task);
    return new RunResult(
        plan.environment().name(),
        plan.task(),
        null,
        started,
        ending.watched(),
        null,
        ending.outcome());
  }

  /**
   * The task's name as run gave it: the first word of its container's command override ({@code
   * [TASK, args...]}); null when the task has none (not started by this launcher).
   */
  static String taskName(Task task, String containerName) {
    if (task.overrides() == null || !task.overrides().hasContainerOverrides()) {
      return null;
    }
    return task.overrides().containerOverrides().stream()
        .filter(o -> containerName == null || containerName.equals(o.name()))
        .filter(o -> o.hasCommand() && !o.command().isEmpty())
        .map(o -> o.command().get(0))
        .findFirst()
        .orElse(null);
  }

  private RunResult.Started announce(
      String taskDefinition,
      Boolean registered,
      String taskArn,
      EnvironmentConfig config,
      String what) {
    String url = ConsoleUrls.task(config.region(), config.cluster(), taskArn);
    host.terminal().info(what + taskArn);
    host.terminal().info("console: " + url);
    return new RunResult.Started(taskDefinition, registered, taskArn, url);
  }

  private static void daemon(Runnable work) {
    Thread t = new Thread(work, "aws-read");
    t.setDaemon(true);
    t.start();
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private void announce(Terminal terminal, Registration registration) {
    if (registration.registered()) {
      terminal.info(
          "registered task definition "
              + registration.familyRevision()
              + (registration.changes().isEmpty()
                  ? " (first revision of the family)"
                  : " (" + registration.changes().size() + " change(s) from the latest revision)"));
      registration.changes().stream().limit(20).forEach(line -> terminal.info("  " + line));
    } else {
      terminal.info(
          "task definition "
              + registration.familyRevision()
              + " is unchanged — not registering a new revision");
    }
  }
}
