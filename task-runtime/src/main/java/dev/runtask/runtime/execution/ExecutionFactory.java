package dev.runtask.runtime.execution;

import dev.runtask.contract.EnvironmentVariables;
import dev.runtask.runtime.api.Shard;
import dev.runtask.runtime.records.ExecutionBookkeeping;
import dev.runtask.runtime.records.ExecutionStart;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes a fresh {@link Execution} for every run from what the process knows (clock, environment).
 */
public final class ExecutionFactory {
  private final Clock clock;
  private final Map<String, String> env;
  private final Supplier<Optional<String>> ecsTaskArn;

  public ExecutionFactory(
      Clock clock, Map<String, String> env, Supplier<Optional<String>> ecsTaskArn) {
    this.clock = clock;
    this.env = env;
    this.ecsTaskArn = ecsTaskArn;
  }

  /** Where the embedded default database, lock files and local objects live. */
  static final Path LOCAL_DIR = Path.of(".local");

  /**
   * The shard this process runs ({@code SHARD_INDEX}/{@code SHARD_COUNT}); throws {@link
   * IllegalArgumentException} naming the variable when they are not valid.
   */
  public Shard shard() {
    return Shard.fromEnvironment(env);
  }

  /** A new execution; {@code singleInstance} and {@code dryRun} shape its database side. */
  public Execution newExecution(
      String taskName, List<String> redactedArgs, boolean singleInstance, boolean dryRun) {
    Optional<String> launchedBy =
        Optional.ofNullable(env.get(EnvironmentVariables.LAUNCHED_BY)).filter(s -> !s.isBlank());
    ExecutionStart start =
        new ExecutionStart(
            RunIds.next(),
            taskName,
            redactedArgs,
            clock.instant(),
            ecsTaskArn.get(),
            launchedBy,
            dryRun,
            shard());
    return new Execution(
        start, clock, new ExecutionBookkeeping(start, singleInstance, env, LOCAL_DIR));
  }
}
