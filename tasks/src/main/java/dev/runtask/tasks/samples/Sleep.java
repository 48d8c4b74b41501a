package dev.runtask.tasks.samples;

import dev.runtask.runtime.api.ExitCodes;
import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.api.Task;
import dev.runtask.runtime.api.TaskContext;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * Waits, and stops promptly when asked: the sample for SIGTERM handling and the launcher's waiting.
 */
@Task(name = "sleep", description = "Sleeps for a number of seconds; stops promptly on SIGTERM")
public final class Sleep implements RunnableTask {
  private static final Logger log = LoggerFactory.getLogger(Sleep.class);

  @Option(
      names = "--seconds",
      defaultValue = "10",
      description = "How long to sleep (default: ${DEFAULT-VALUE})")
  long seconds;

  @Override
  public int run(TaskContext context) throws InterruptedException {
    if (seconds < 0) {
      log.error("--seconds must be >= 0, got {}; nothing was done", seconds);
      return ExitCodes.USAGE;
    }
    log.info("Sleeping for {} s", seconds);
    // Thread.sleep is interruptible: SIGTERM interrupts this thread and the task unwinds at once.
    TimeUnit.SECONDS.sleep(seconds); // saturates rather than overflowing for huge values
    log.info("Slept {} s", seconds);
    return ExitCodes.SUCCESS;
  }
}
