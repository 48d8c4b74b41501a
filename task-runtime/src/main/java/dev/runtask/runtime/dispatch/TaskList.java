package dev.runtask.runtime.dispatch;

import dev.runtask.contract.ExitCodes;
import dev.runtask.runtime.index.TaskEntry;
import dev.runtask.runtime.index.TaskIndex;
import java.io.PrintStream;

/** The {@code tasks.jar --help} text: usage line and every task with its description. */
final class TaskList {
  private final TaskIndex index;

  TaskList(TaskIndex index) {
    this.index = index;
  }

  void print(PrintStream out) {
    out.println(
        "Usage: tasks.jar TASK [options]    (tasks.jar TASK --help shows a task's options)");
    out.println();
    out.println("Tasks:");
    int width = index.entries().stream().mapToInt(e -> e.name().length()).max().orElse(0);
    for (TaskEntry entry : index.entries()) {
      String single = entry.singleInstance() ? " (single instance)" : "";
      out.printf("  %-" + width + "s  %s%s%n", entry.name(), entry.description(), single);
    }
    out.println();
    out.println(ExitCodes.runtimeSummary());
  }
}
