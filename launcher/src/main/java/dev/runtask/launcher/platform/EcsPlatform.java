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
import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.io.Terminal;
import dev.runtask.launcher.run.RunPlan;
import dev.runtask.launcher.run.RunReport;
import dev.runtask.launcher.watch.TaskWatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.exception.SdkException;
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
  public RunReport run(RunPlan plan) {
    EnvironmentConfig config = plan.environment().config();
    Terminal terminal = host.terminal();
    RunReport report =
        new RunReport()
            .put("environment", plan.environment().name())
            .put("task", plan.task())
            .put("command", String.join(" ", plan.redactedCommand()));
    if (plan.options().dryRun()) {
      return RunRequests.dryRun(host, plan, report);
    }
    Confirmation.requirePossible(host, plan);
    try {
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
      announce(terminal, registration);
      report
          .put("taskDefinition", registration.familyRevision())
          .put("registered", registration.registered());

      RunTaskRequest request =
          TaskStarter.request(config, RunRequests.launch(plan, registration.arn(), caller.arn()));
      Task task = new TaskStarter(clients.ecs()).start(request);
      String url = ConsoleUrls.task(config.region(), config.cluster(), task.taskArn());
      terminal.info("started " + task.taskArn());
      terminal.info("console: " + url);
      report.put("taskArn", task.taskArn()).put("consoleUrl", url);
      if (!plan.options().waitForStop()) {
        return report.exit(ExitCodes.SUCCESS, null);
      }
      return new TaskWatch(host, clients).watch(plan, task, report);
    } catch (SdkException e) {
      String taskArn = report.json().path("taskArn").asText(null);
      throw new LauncherException(
          ExitCodes.AWS_CALL_FAILED,
          "AWS call failed: "
              + e.getMessage()
              + (e.getMessage() != null && e.getMessage().contains("credentials")
                  ? " — pass -k/-s, --profile or the AWS_* environment variables"
                  : "")
              + (taskArn == null ? "" : "; task " + taskArn + " may still be running"),
          e);
    }
  }

  /**
   * Waits for a task started earlier (run --no-wait, a --timeout, a detach) exactly as run would.
   */
  public RunReport attach(RunPlan plan, String taskArnOrId) {
    String cluster = plan.environment().config().cluster();
    RunReport report =
        new RunReport().put("environment", plan.environment().name()).put("task", plan.task());
    try {
      var described = clients.ecs().describeTasks(b -> b.cluster(cluster).tasks(taskArnOrId));
      if (!described.hasTasks() || described.tasks().isEmpty()) {
        throw LauncherException.badInput(
            "no task "
                + taskArnOrId
                + " in cluster "
                + cluster
                + " (ECS keeps stopped tasks for about an hour)");
      }
      Task task = described.tasks().get(0);
      String url = ConsoleUrls.task(plan.environment().config().region(), cluster, task.taskArn());
      host.terminal().info("attached to " + task.taskArn());
      host.terminal().info("console: " + url);
      report.put("taskArn", task.taskArn()).put("consoleUrl", url);
      return new TaskWatch(host, clients).watch(plan, task, report);
    } catch (SdkException e) {
      throw new LauncherException(
          ExitCodes.AWS_CALL_FAILED, "AWS call failed: " + e.getMessage(), e);
    }
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
