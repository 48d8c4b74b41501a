package dev.runtask.runtime.testtasks;

import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.api.Task;
import dev.runtask.runtime.api.TaskContext;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/** Test task that swallows interrupts, to show the grace period still ends the process. */
@Task(name = "ignores-stop", description = "Test task that ignores stop requests")
public final class IgnoresStop implements RunnableTask {
  @Override
  public int run(TaskContext context) {
    LoggerFactory.getLogger(IgnoresStop.class).info("ignoring stop requests");
    while (true) {
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        LoggerFactory.getLogger(IgnoresStop.class).info("interrupted, carrying on");
      }
    }
  }
}
