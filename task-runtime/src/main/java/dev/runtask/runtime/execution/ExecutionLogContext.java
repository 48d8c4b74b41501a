package dev.runtask.runtime.execution;

import org.slf4j.MDC;

/** Puts an execution's task name, run id and ECS task ARN on every log line written while open. */
public final class ExecutionLogContext implements AutoCloseable {
  private ExecutionLogContext() {}

  public static ExecutionLogContext of(Execution execution) {
    MDC.put("task", execution.taskName());
    MDC.put("runId", execution.runId());
    execution.ecsTaskArn().ifPresent(arn -> MDC.put("ecsTaskArn", arn));
    return new ExecutionLogContext();
  }

  @Override
  public void close() {
    MDC.remove("task");
    MDC.remove("runId");
    MDC.remove("ecsTaskArn");
  }
}
