package dev.runtask.runtime.execution;

import dev.runtask.contract.LogFields;
import org.slf4j.MDC;

/**
 * Puts an execution's task name, run id, ECS task ARN and (when fanned out) shard on every log line
 * written while open.
 */
public final class ExecutionLogContext implements AutoCloseable {
  private ExecutionLogContext() {}

  public static ExecutionLogContext of(Execution execution) {
    MDC.put("task", execution.taskName());
    MDC.put("runId", execution.runId());
    execution.ecsTaskArn().ifPresent(arn -> MDC.put("ecsTaskArn", arn));
    if (execution.shard().isSharded()) {
      MDC.put(LogFields.SHARD, execution.shard().toString());
    }
    return new ExecutionLogContext();
  }

  @Override
  public void close() {
    MDC.remove("task");
    MDC.remove("runId");
    MDC.remove("ecsTaskArn");
    MDC.remove(LogFields.SHARD);
  }
}
