package dev.runtask.runtime.dispatch;

import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.index.TaskEntry;
import java.util.List;

/**
 * What the command line asked for: a task ready to run, or an answer already given (help, usage
 * error).
 */
public sealed interface Dispatch {

  /**
   * Help was printed or a usage error reported; exit with {@code exitCode} without running
   * anything.
   */
  record Answered(int exitCode) implements Dispatch {}

  /**
   * A task instance with its options bound.
   *
   * @param redactedArgs the task's arguments with secret values masked, for logs and records
   * @param optionSummary option name → value as parsed (secrets masked), for the start log line
   */
  record Ready(TaskEntry entry, RunnableTask task, List<String> redactedArgs, String optionSummary)
      implements Dispatch {}
}
