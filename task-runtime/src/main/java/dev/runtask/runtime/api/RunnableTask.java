package dev.runtask.runtime.api;

/**
 * What a task implements: its body, given the context of one execution.
 *
 * <p>Typed options are picocli {@code @Option}/{@code @Parameters} fields on the implementing
 * class; a new instance is created for every execution, so fields never leak between runs.
 */
@FunctionalInterface
public interface RunnableTask {
  /**
   * Runs the task.
   *
   * @return {@link ExitCodes#SUCCESS} or the task's own code in 3–99
   * @throws Exception any failure; the runtime reports it and exits with {@link ExitCodes#FAILED}
   */
  int run(TaskContext context) throws Exception;
}
