package dev.runtask.launcher.cli;

import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.fanout.EcsFanOut;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code run --shards N [--max-parallel M] [--logs …] | --retry-failed RUN_ID}: the fan-out flags
 * (docs/launcher.md, "Fan-out").
 */
public final class ShardOptions {
  /** More shards than this is almost certainly a typo; ECS would take minutes to launch them. */
  static final int MAX_SHARDS = 10_000;

  @Option(
      names = "--shards",
      paramLabel = "N",
      description =
          "Run the task as N shards (SHARD_INDEX 0..N-1, SHARD_COUNT N, one RUNTASK_RUN_ID).")
  Integer shards;

  @Option(
      names = "--max-parallel",
      paramLabel = "M",
      description =
          "With --shards: at most M shards at once, the next starting as one stops"
              + " (default: all on ECS, the number of cores for -e local).")
  Integer maxParallel;

  @Option(
      names = "--logs",
      paramLabel = "WHICH",
      description =
          "With --shards on ECS: whose log lines to print: all, failed (in full once they stop),"
              + " none (default: all up to 10 shards, failed above).")
  String logs;

  @Option(
      names = "--retry-failed",
      paramLabel = "RUN_ID",
      description =
          "Rerun only the shards of fan-out RUN_ID that failed, with its shard numbers and"
              + " arguments (give them again after -- when they held secrets).")
  String retryFailed;

  boolean fanOut() {
    return shards != null || retryFailed != null;
  }

  /** Checks the values before anything runs: one line, exit 2. */
  void validate() {
    if (!fanOut()) {
      if (maxParallel != null || logs != null) {
        throw LauncherException.badInput(
            (maxParallel != null ? "--max-parallel" : "--logs") + " needs --shards N");
      }
      return;
    }
    if (shards != null && retryFailed != null) {
      throw LauncherException.badInput(
          "--retry-failed reruns the shards of run "
              + retryFailed
              + " as they were numbered: drop --shards");
    }
    if (shards != null && (shards < 1 || shards > MAX_SHARDS)) {
      throw LauncherException.badInput(
          "--shards " + shards + " is not valid: expected 1 to " + MAX_SHARDS);
    }
    logsChoice(1);
    if (maxParallel != null && maxParallel < 1) {
      throw LauncherException.badInput(
          "--max-parallel " + maxParallel + " is not valid: expected 1 or more");
    }
  }

  EcsFanOut.Logs logsChoice(int count) {
    if (logs == null) {
      return EcsFanOut.Logs.defaultFor(count);
    }
    return switch (logs.toLowerCase(Locale.ROOT)) {
      case "all" -> EcsFanOut.Logs.ALL;
      case "failed" -> EcsFanOut.Logs.FAILED;
      case "none" -> EcsFanOut.Logs.NONE;
      default ->
          throw LauncherException.badInput(
              "--logs " + logs + " is not valid: expected all, failed or none");
    };
  }

  int maxParallel(int defaultValue) {
    return maxParallel == null ? defaultValue : maxParallel;
  }
}
