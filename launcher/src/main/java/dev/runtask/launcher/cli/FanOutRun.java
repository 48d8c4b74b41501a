package dev.runtask.launcher.cli;

import dev.runtask.contract.EnvironmentVariables;
import dev.runtask.launcher.aws.AwsClients;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.config.JsonFiles;
import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.fanout.EcsFanOut;
import dev.runtask.launcher.fanout.FanOutResult;
import dev.runtask.launcher.fanout.LocalFanOut;
import dev.runtask.launcher.fanout.RunJournal;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.platform.LocalPlatform;
import dev.runtask.launcher.run.Planner;
import dev.runtask.launcher.run.RunOptions;
import dev.runtask.launcher.run.RunPlan;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code run --shards N | --retry-failed RUN_ID}: hands a plan to the fan-out, reports its code.
 */
final class FanOutRun {
  private FanOutRun() {}

  /**
   * Refuses, as bad input before anything is sent, what a fan-out cannot do; for {@code
   * --retry-failed} returns the task arguments to plan with (the journal's, unless given again).
   */
  static List<String> checkSupported(
      ShardOptions sharding,
      Host host,
      String environment,
      EnvironmentConfig config,
      String task,
      List<String> taskArgs,
      boolean noWait) {
    if (!sharding.fanOut()) {
      return taskArgs;
    }
    if (noWait && config.runsLocally()) {
      throw LauncherException.badInput(
          "--no-wait cannot be used with --shards on -e local: the shards are this launcher's"
              + " child processes");
    }
    // Only a launcher that watches the shards sees one end and starts the next: with --no-wait the
    // shards beyond the first M would wait for a slot nobody frees.
    if (noWait
        && sharding.maxParallel != null
        && (sharding.shards == null || sharding.maxParallel < sharding.shards)) {
      throw LauncherException.badInput(
          "--max-parallel "
              + sharding.maxParallel
              + " cannot be used with --no-wait: a shard starts only when this launcher sees"
              + " another one end, so it has to wait; drop --no-wait or --max-parallel");
    }
    if (sharding.retryFailed == null) {
      return taskArgs;
    }
    RunJournal journal = RunJournal.load(host.env(), sharding.retryFailed);
    if (!journal.environment().equals(environment) || !journal.task().equals(task)) {
      throw LauncherException.badInput(
          "run "
              + journal.runId()
              + " ran "
              + journal.task()
              + " in "
              + journal.environment()
              + ", not "
              + task
              + " in "
              + environment);
    }
    if (!taskArgs.isEmpty()) {
      return taskArgs;
    }
    if (journal.secretsMasked()) {
      throw LauncherException.badInput(
          "run "
              + journal.runId()
              + " had secret arguments, which the journal does not keep: give the task's"
              + " arguments again after --");
    }
    return journal.args();
  }

  /** {@code attach RUN_ID}: the whole fan-out, from its journal. */
  static int attach(
      Host host,
      AwsClients clients,
      Planner planner,
      RunJournal journal,
      RunOptions options,
      boolean json) {
    if (!journal.environment().equals(planner.environment().name())) {
      throw LauncherException.badInput(
          "run "
              + journal.runId()
              + " ran in "
              + journal.environment()
              + ", not in "
              + planner.environment().name());
    }
    RunPlan plan = planner.attachPlan(null, journal.task(), options);
    FanOutResult result =
        new EcsFanOut(host, clients)
            .attach(plan, journal, EcsFanOut.Logs.defaultFor(journal.indices().size()));
    if (json) {
      host.terminal().result(JsonFiles.pretty(result.json()));
    }
    return result.exitCode();
  }

  static int run(
      Host host,
      AwsClients clients,
      Planner planner,
      RunPlan plan,
      ShardOptions sharding,
      boolean json) {
    int count;
    List<Integer> indices;
    String retryOf = sharding.retryFailed;
    if (retryOf != null) {
      RunJournal journal = RunJournal.load(host.env(), retryOf);
      count = journal.shardCount();
      indices = journal.failedIndices();
      if (indices.isEmpty()) {
        host.terminal()
            .info("launcher: every shard of run " + retryOf + " succeeded; nothing to retry");
        return 0;
      }
      host.terminal()
          .info("launcher: retrying the failed shards of run " + retryOf + ": " + indices);
    } else {
      count = sharding.shards;
      indices = IntStream.range(0, count).boxed().toList();
    }
    FanOutResult result;
    if (plan.environment().config().runsLocally()) {
      LocalPlatform local =
          new LocalPlatform(host, EnvironmentConfig.projectRoot(planner.directory().root()));
      int parallel = Runtime.getRuntime().availableProcessors();
      String dbUrl = local.childProcess(plan).environment().get(EnvironmentVariables.DB_URL);
      if (sharding.maxParallel == null && (dbUrl == null || dbUrl.isBlank())) {
        // H2's AUTO_SERVER hands the file over badly when processes open it together or its
        // serving process exits while others use it (lock-file races, broken connections).
        parallel = 1;
        host.terminal()
            .info(
                "launcher: no RUNTASK_DB_URL: the shards share the embedded database, which takes"
                    + " one process at a time, so they run one after another (--max-parallel M"
                    + " overrides; a PostgreSQL RUNTASK_DB_URL lets them run side by side)");
      }
      result =
          new LocalFanOut(host, local)
              .run(plan, count, indices, sharding.maxParallel(parallel), retryOf);
    } else {
      result =
          new EcsFanOut(host, clients)
              .run(
                  plan,
                  count,
                  indices,
                  sharding.maxParallel,
                  sharding.logsChoice(indices.size()),
                  retryOf);
    }
    if (json) {
      host.terminal().result(JsonFiles.pretty(result.json()));
    }
    return result.exitCode();
  }
}
