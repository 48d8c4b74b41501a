package dev.runtask.runtime.testtasks;

import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.api.Task;
import dev.runtask.runtime.api.TaskContext;
import picocli.CommandLine.Option;

/** Test task that returns the exit code it is given. */
@Task(name = "returns-code", description = "Test task that returns --code")
public final class ReturnsCode implements RunnableTask {
  @Option(names = "--code", required = true)
  int code;

  @Override
  public int run(TaskContext context) {
    return code;
  }
}
