package dev.runtask.launcher.cli;

import dev.runtask.launcher.aws.AwsClients;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.config.JsonFiles;
import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.fanout.EcsFanOut;
import dev.runtask.launcher.fanout.FanOutResult;
import dev.runtask.launcher.fanout.LocalFanOut;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.platform.LocalPlatform;
import dev.runtask.launcher.run.Planner;
import dev.runtask.launcher.run.RunPlan;

/** {@code run --shards N}: hands a plan to the fan-out and reports its one exit code. */
final class FanOutRun {
  private FanOutRun() {}

  /** Refuses, as bad input before anything is sent, what a fan-out cannot do. */
  static void checkSupported(ShardOptions sharding, EnvironmentConfig config, boolean noWait) {
    if (!sharding.fanOut()) {
      return;
    }
    if (noWait && config.runsLocally()) {
      throw LauncherException.badInput(
          "--no-wait cannot be used with --shards on -e local: the shards are this launcher's"
              + " child processes");
    }
  }

  static int run(
      Host host,
      AwsClients clients,
      Planner planner,
      RunPlan plan,
      ShardOptions sharding,
      boolean json) {
    FanOutResult result;
    if (plan.environment().config().runsLocally()) {
      LocalPlatform local =
          new LocalPlatform(host, EnvironmentConfig.projectRoot(planner.directory().root()));
      result =
          new LocalFanOut(host, local)
              .run(
                  plan,
                  sharding.shards,
                  sharding.maxParallel(Runtime.getRuntime().availableProcessors()));
    } else {
      result =
          new EcsFanOut(host, clients)
              .run(plan, sharding.shards, sharding.maxParallel, sharding.logsChoice());
    }
    if (json) {
      host.terminal().result(JsonFiles.pretty(result.json()));
    }
    return result.exitCode();
  }
}
