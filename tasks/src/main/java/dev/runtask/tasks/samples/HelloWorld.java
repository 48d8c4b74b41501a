package dev.runtask.tasks.samples;

import dev.runtask.runtime.api.ExitCodes;
import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.api.Task;
import dev.runtask.runtime.api.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The smallest task: greets someone. The first thing a newcomer runs. */
@Task(name = "hello-world", description = "Logs a greeting")
public final class HelloWorld implements RunnableTask {
  private static final Logger log = LoggerFactory.getLogger(HelloWorld.class);

  @Option(
      names = "--name",
      defaultValue = "world",
      description = "Who to greet (default: ${DEFAULT-VALUE})")
  String name;

  @Override
  public int run(TaskContext context) {
    log.info("Hello, {}!", name);
    return ExitCodes.SUCCESS;
  }
}
