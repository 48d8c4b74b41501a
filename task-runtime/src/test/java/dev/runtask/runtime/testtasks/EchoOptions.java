package dev.runtask.runtime.testtasks;

import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.api.Task;
import dev.runtask.runtime.api.TaskContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * Test task: records the context and task instance of every execution so tests can compare them.
 */
@Task(name = "echo-options", description = "Test task that records what it was given")
public final class EchoOptions implements RunnableTask {
  public static final List<EchoOptions> RUNS = new CopyOnWriteArrayList<>();

  @Option(names = "--count", required = true)
  public int count;

  @Option(names = "--api-token")
  public String apiToken;

  @Option(names = "--verbose")
  public boolean verbose;

  public TaskContext context;

  @Override
  public int run(TaskContext context) {
    this.context = context;
    RUNS.add(this);
    LoggerFactory.getLogger(EchoOptions.class).info("count is {}", count);
    return 0;
  }
}
