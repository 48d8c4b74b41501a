package dev.runtask.launcher.platform;

import dev.runtask.launcher.run.RunPlan;
import dev.runtask.launcher.run.RunResult;

/** Where a task runs: ECS Fargate through the AWS API, or a child JVM on this machine. */
public interface TaskPlatform {
  /** Runs the plan and returns the launcher's exit code (the task's own code where it ran). */
  RunResult run(RunPlan plan);
}
