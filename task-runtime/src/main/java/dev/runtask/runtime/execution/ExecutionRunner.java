package dev.runtask.runtime.execution;

import dev.runtask.runtime.api.ExitCodes;
import dev.runtask.runtime.api.RunnableTask;
import java.io.PrintStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one execution on the calling thread and turns what happened into an exit code. */
public final class ExecutionRunner {
  private static final Logger log = LoggerFactory.getLogger(ExecutionRunner.class);

  private final PrintStream err;

  public ExecutionRunner(PrintStream err) {
    this.err = err;
  }

  /** Runs {@code task}; never throws — every outcome is an exit code and a log line. */
  public int run(RunnableTask task, Execution execution, String optionSummary) {
    try (ExecutionLogContext ignored = ExecutionLogContext.of(execution)) {
      log.info("Starting task {}{}", execution.taskName(), optionSummary.isEmpty() ? "" : " with " + optionSummary);
      int code = outcome(task, execution);
      Duration took = Duration.between(execution.startedAt(), execution.clock().instant());
      log.info("Task {} finished with exit code {} after {} ms", execution.taskName(), code, took.toMillis());
      return code;
    } finally {
      // A stop request interrupts this thread; do not leak the flag to whoever runs next.
      Thread.interrupted();
    }
  }

  private int outcome(RunnableTask task, Execution execution) {
    int code;
    Throwable failure = null;
    try {
      code = task.run(execution);
    } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
      failure = e;
      code = ExitCodes.FAILED;
    }
    var signal = execution.cancellation().signal();
    if (signal.isPresent()) {
      log.warn("Task {} was stopped by {}{}", execution.taskName(), signal.get().name(),
          failure == null ? "" : " (" + oneLine(failure) + ")");
      return signal.get().exitCode();
    }
    if (failure != null) {
      log.error("Task {} failed", execution.taskName(), failure);
      err.println(execution.taskName() + " failed: " + oneLine(failure)
          + " (run " + execution.runId() + "; stack trace in the log)");
      return ExitCodes.FAILED;
    }
    if (!ExitCodes.isTaskCode(code)) {
      log.error("Task {} returned exit code {}, which is reserved for the runtime (tasks use 0-99)", execution.taskName(), code);
      err.println(execution.taskName() + " failed: returned reserved exit code " + code + " (tasks use 0-99)");
      return ExitCodes.FAILED;
    }
    return code;
  }

  static String oneLine(Throwable failure) {
    String message = failure.getMessage();
    String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return text.replaceAll("\\s*\\R\\s*", " ");
  }
}
