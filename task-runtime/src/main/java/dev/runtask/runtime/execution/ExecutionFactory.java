package dev.runtask.runtime.execution;

import dev.runtask.contract.EnvironmentVariables;
import dev.runtask.runtime.records.ExecutionBookkeeping;
import dev.runtask.runtime.records.ExecutionStart;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a fresh {@link Execution} for every run from what the process knows (clock, environment).
 */
public final class ExecutionFactory {
  private final Clock clock;
  private final Map<String, String> env;
  private final Optional<String> ecsTaskArn;

  public ExecutionFactory(Clock clock, Map<String, String> env, Optional<String> ecsTaskArn) {
    this.clock = clock;
    this.env = env;
    this.ecsTaskArn = ecsTaskArn;
  }

  /** Where the embedded default database, lock files and local objects live. */
  static final Path LOCAL_DIR = Path.of(".local");

  public Execution newExecution(String taskName, List<String> redactedArgs) {
    return newExecution(taskName, redactedArgs, false, false);
  }

  /** A new execution; {@code singleInstance} and {@code dryRun} shape its database side. */
  public Execution newExecution(
      String taskName, List<String> redactedArgs, boolean singleInstance, boolean dryRun) {
    Optional<String> launchedBy =
        Optional.ofNullable(env.get(EnvironmentVariables.LAUNCHED_BY)).filter(s -> !s.isBlank());
    Execution execution = new Execution(taskName, clock, redactedArgs, ecsTaskArn, launchedBy);
    execution.bookkeeping =
        new ExecutionBookkeeping(
            new ExecutionStart(
                execution.runId(),
                taskName,
                redactedArgs,
                execution.startedAt(),
                ecsTaskArn,
                launchedBy,
                dryRun),
            singleInstance,
            env,
            LOCAL_DIR);
    return execution;
  }
}
