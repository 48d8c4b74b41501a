package dev.runtask.runtime.execution;

import dev.runtask.contract.LogFields;
import dev.runtask.runtime.api.ExitCodes;
import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.db.DatabaseSettingsException;
import dev.runtask.runtime.db.DatabaseUnavailableException;
import dev.runtask.runtime.tcc.ObjectStoreSettingsException;
import dev.runtask.runtime.tx.StopRequestedException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one execution on the calling thread and turns what happened into an exit code. */
public final class ExecutionRunner {
  private static final Logger log = LoggerFactory.getLogger(ExecutionRunner.class);

  private final PrintStream err;
  private String failureSummary;
  private String stopReason;

  public ExecutionRunner(PrintStream err) {
    this.err = err;
  }

  /** Runs {@code task}; never throws — every outcome is an exit code and a log line. */
  public int run(RunnableTask task, Execution execution, String optionSummary) {
    try (ExecutionLogContext ignored = ExecutionLogContext.of(execution)) {
      OptionalInt refused = execution.bookkeeping().beforeRun(err);
      if (refused.isPresent()) {
        log.atWarn()
            .addKeyValue(LogFields.EXIT_CODE, refused.getAsInt())
            .log("Task {} not started (exit code {})", execution.taskName(), refused.getAsInt());
        execution.bookkeeping().close();
        return refused.getAsInt();
      }
      log.info(
          "Starting task {}{}",
          execution.taskName(),
          optionSummary.isEmpty() ? "" : " with " + optionSummary);
      int code = ExitCodes.FAILED;
      try {
        code = outcome(task, execution);
      } finally {
        // A stop request interrupted this thread; the pool and the record must not see the flag.
        Thread.interrupted();
        execution
            .bookkeeping()
            .afterRun(code, failureSummary, stopReason, execution.clock().instant());
      }
      Duration took = Duration.between(execution.startedAt(), execution.clock().instant());
      // The end-of-log marker: the launcher stops reading the task's log when it sees it.
      log.atInfo()
          .addKeyValue(LogFields.EXIT_CODE, code)
          .log(
              "Task {} finished with exit code {} after {} ms",
              execution.taskName(),
              code,
              took.toMillis());
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
    if (signal.isPresent() && failure != null) {
      // The stop cut the work short: whatever the task threw on its way out is the stop's doing.
      long committed = execution.bookkeeping().committedTransactions();
      log.warn(
          "Task {} was stopped by {}: {}{}",
          execution.taskName(),
          signal.get().name(),
          stopSummary(failure),
          committed == 0
              ? ""
              : String.format(
                  " (%,d transaction%s committed before the stop; work in progress rolled back)",
                  committed, committed == 1 ? "" : "s"));
      stopReason = signal.get().name() + ": " + stopSummary(failure);
      return signal.get().exitCode();
    }
    if (signal.isPresent()) {
      log.info(
          "{} arrived after task {} had done its work; its own result stands",
          signal.get().name(),
          execution.taskName());
      stopReason = signal.get().name() + " after the work was done";
    }
    if (failure != null) {
      failureSummary = oneLine(failure);
    }
    if (failure instanceof DatabaseSettingsException
        || failure instanceof ObjectStoreSettingsException) {
      log.error("Task {}: {}", execution.taskName(), failure.getMessage());
      err.println(execution.taskName() + ": " + failure.getMessage());
      return ExitCodes.USAGE;
    }
    if (failure instanceof DatabaseUnavailableException) {
      log.error("Task {} failed: {}", execution.taskName(), failure.getMessage());
      err.println(execution.taskName() + " failed: " + failure.getMessage());
      return ExitCodes.FAILED;
    }
    if (failure != null) {
      log.error("Task {} failed", execution.taskName(), failure);
      err.println(
          execution.taskName()
              + " failed: "
              + oneLine(failure)
              + " (run "
              + execution.runId()
              + "; stack trace in the log)");
      return ExitCodes.FAILED;
    }
    if (!ExitCodes.isTaskCode(code)) {
      log.error(
          "Task {} returned exit code {}, which is reserved for the runtime (tasks use 0-99)",
          execution.taskName(),
          code);
      err.println(
          execution.taskName()
              + " failed: returned reserved exit code "
              + code
              + " (tasks use 0-99)");
      return ExitCodes.FAILED;
    }
    return code;
  }

  /** What the stop interrupted: the runtime's own account when it has one, else the failure. */
  private static String stopSummary(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StopRequestedException) {
        return t.getMessage();
      }
    }
    return oneLine(failure);
  }

  static String oneLine(Throwable failure) {
    String message = failure.getMessage();
    String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return text.replaceAll("\\s*\\R\\s*", " ");
  }
}
