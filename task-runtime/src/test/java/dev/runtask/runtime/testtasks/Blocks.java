package dev.runtask.runtime.testtasks;

import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.api.Task;
import dev.runtask.runtime.api.TaskContext;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Test task that blocks until interrupted, then cleans up (logs) and lets the interrupt propagate.
 */
@Task(name = "blocks", description = "Test task that blocks until stopped")
public final class Blocks implements RunnableTask {
  public static volatile CountDownLatch started = new CountDownLatch(1);

  @Override
  public int run(TaskContext context) throws InterruptedException {
    LoggerFactory.getLogger(Blocks.class).info("blocking until stopped");
    started.countDown();
    try {
      new CountDownLatch(1).await();
      return 0;
    } finally {
      LoggerFactory.getLogger(Blocks.class).info("cleaning up");
    }
  }
}
