package dev.runtask.launcher.manifest.probe;

import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.api.Task;
import dev.runtask.runtime.api.TaskContext;
import picocli.CommandLine.Parameters;

/** Typed positional parameters, for the launcher/runtime differential test; does nothing. */
@Task(name = "positional-probe", description = "Takes a count and an optional label")
public final class PositionalProbeTask implements RunnableTask {
  @Parameters(index = "0")
  int count;

  @Parameters(index = "1", arity = "0..1")
  String label;

  @Override
  public int run(TaskContext context) {
    return 0;
  }
}
