package dev.runtask.runtime.testtasks;

import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.api.Task;
import dev.runtask.runtime.api.TaskContext;

/** Test task that throws, with a message spanning two lines. */
@Task(name = "fails", description = "Test task that throws, 100% of the time")
public final class Fails implements RunnableTask {
  @Override
  public int run(TaskContext context) {
    throw new IllegalStateException("orders table is locked\nsecond line");
  }
}
