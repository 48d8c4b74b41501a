package dev.runtask.runtime.testtasks;

import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.api.Task;
import dev.runtask.runtime.api.TaskContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Test task that finishes its work, then waits for a line on stdin (a read no interrupt ends), so a
 * test can deliver SIGTERM after the work and before the task returns its own code, 5.
 */
@Task(name = "done-then-waits", description = "Test task: work done, then waits for stdin")
public final class DoneThenWaits implements RunnableTask {
  @Override
  public int run(TaskContext context) throws IOException {
    LoggerFactory.getLogger(DoneThenWaits.class).info("work done");
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return 5;
  }
}
