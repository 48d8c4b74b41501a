package dev.runtask.runtime.execution;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Makes a fresh {@link Execution} for every run from what the process knows (clock, environment). */
public final class ExecutionFactory {
  /** Set by the launcher: who started the run (STS caller ARN or {@code local:USER}). */
  public static final String LAUNCHED_BY = "RUNTASK_LAUNCHED_BY";

  private final Clock clock;
  private final Map<String, String> env;
  private final Optional<String> ecsTaskArn;

  public ExecutionFactory(Clock clock, Map<String, String> env, Optional<String> ecsTaskArn) {
    this.clock = clock;
    this.env = env;
    this.ecsTaskArn = ecsTaskArn;
  }

  public Execution newExecution(String taskName, List<String> redactedArgs) {
    Optional<String> launchedBy = Optional.ofNullable(env.get(LAUNCHED_BY)).filter(s -> !s.isBlank());
    return new Execution(taskName, clock, redactedArgs, ecsTaskArn, launchedBy);
  }
}
