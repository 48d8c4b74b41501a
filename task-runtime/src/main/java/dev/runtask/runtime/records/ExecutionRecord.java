package dev.runtask.runtime.records;

import dev.runtask.runtime.api.Shard;
import java.time.Instant;
import java.util.Optional;

/** One row of {@code runtask_task_execution} as read back. */
public record ExecutionRecord(
    String runId,
    String taskName,
    String arguments,
    Instant startedAt,
    Optional<Instant> endedAt,
    Optional<Integer> exitCode,
    Optional<String> errorSummary,
    Optional<String> ecsTaskArn,
    Optional<String> launchedBy,
    boolean dryRun,
    Optional<String> stopReason,
    Shard shard) {}
