package dev.runtask.runtime;

import dev.runtask.runtime.api.ExitCodes;
import dev.runtask.runtime.db.DryRun;
import dev.runtask.runtime.dispatch.Dispatch;
import dev.runtask.runtime.dispatch.TaskDispatcher;
import dev.runtask.runtime.execution.Execution;
import dev.runtask.runtime.execution.ExecutionFactory;
import dev.runtask.runtime.execution.ExecutionRunner;
import dev.runtask.runtime.execution.StopRequest;
import dev.runtask.runtime.index.TaskIndex;
import dev.runtask.runtime.logging.EcsTaskMetadata;
import dev.runtask.runtime.logging.LoggingStartup;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs {@code TASK [options]} in this JVM, on the calling thread: dispatch, a new execution, run,
 * exit code. {@link Main} wraps it with signal handling; tests call it directly.
 */
public final class TaskRuntime {
  private final TaskIndex index;
  private final PrintStream out;
  private final PrintStream err;
  private final ExecutionFactory executions;
  private final AtomicReference<Execution> running = new AtomicReference<>();

  private TaskRuntime(Builder builder) {
    this.index = TaskIndex.load(TaskRuntime.class.getClassLoader());
    this.out = builder.out;
    this.err = builder.err;
    this.executions = new ExecutionFactory(builder.clock, builder.env, builder.ecsTaskArn);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs the task named by {@code args[0]} with the remaining arguments; returns the exit code. */
  public int execute(String... args) {
    return execute(List.of(args));
  }

  public int execute(List<String> args) {
    // Before dispatch loads the task's class, whose static loggers must be real ones
    // (LoggingStartup).
    LoggingStartup.awaitReady();
    Dispatch dispatch = new TaskDispatcher(index, out, err).dispatch(args);
    if (dispatch instanceof Dispatch.Answered answered) {
      return answered.exitCode();
    }
    Dispatch.Ready ready = (Dispatch.Ready) dispatch;
    try {
      executions.shard();
    } catch (IllegalArgumentException badShard) {
      err.println(ready.entry().name() + ": " + badShard.getMessage() + "; nothing was done");
      return ExitCodes.USAGE;
    }
    Execution execution =
        executions.newExecution(
            ready.entry().name(),
            ready.redactedArgs(),
            ready.entry().singleInstance(),
            DryRun.requestedBy(ready.task()));
    running.set(execution);
    try {
      return new ExecutionRunner(err).run(ready.task(), execution, ready.optionSummary());
    } finally {
      running.set(null);
    }
  }

  /**
   * Asks the running execution, if any, to stop; false when nothing runs or it was already asked.
   */
  public boolean requestStop(StopRequest.Signal signal) {
    Execution execution = running.get();
    return execution != null && execution.requestStop(signal);
  }

  /** The execution now running, if any. */
  public Optional<Execution> running() {
    return Optional.ofNullable(running.get());
  }

  /** Settings of a runtime; defaults are the real process's streams, clock and environment. */
  public static final class Builder {
    private PrintStream out = System.out;
    private PrintStream err = System.err;
    private Clock clock = Clock.systemUTC();
    private Map<String, String> env = System.getenv();
    private Supplier<Optional<String>> ecsTaskArn = EcsTaskMetadata.NOT_ON_ECS;

    private Builder() {}

    public Builder out(PrintStream out) {
      this.out = Objects.requireNonNull(out, "out");
      return this;
    }

    public Builder err(PrintStream err) {
      this.err = Objects.requireNonNull(err, "err");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder env(Map<String, String> env) {
      this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
      return this;
    }

    /** The ECS task ARN as it becomes known: asked for when an execution starts, not before. */
    public Builder ecsTaskArn(Supplier<Optional<String>> ecsTaskArn) {
      this.ecsTaskArn = Objects.requireNonNull(ecsTaskArn, "ecsTaskArn");
      return this;
    }

    public TaskRuntime build() {
      return new TaskRuntime(this);
    }
  }
}
