package dev.runtask.launcher.run;

import dev.runtask.launcher.config.Environment;
import dev.runtask.launcher.manifest.TaskArguments;
import dev.runtask.launcher.render.RenderedDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Everything validated and rendered before any platform call: what to run, where, and how. */
public record RunPlan(
    Environment environment,
    String task,
    TaskArguments args,
    RenderedDefinition definition,
    String gitSha,
    String memoryHint,
    RunOptions options) {
  public RunPlan {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(args, "args of task " + task);
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(gitSha, "gitSha");
    Objects.requireNonNull(memoryHint, "memoryHint");
    Objects.requireNonNull(options, "options");
  }

  /** The container command override: {@code [TASK, args...]}. */
  public List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(task);
    command.addAll(args.args());
    return command;
  }

  /** The same with secret option values replaced, for anything printed. */
  public List<String> redactedCommand() {
    List<String> command = new ArrayList<>();
    command.add(task);
    command.addAll(args.redacted());
    return command;
  }
}
