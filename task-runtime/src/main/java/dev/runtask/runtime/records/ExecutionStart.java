package dev.runtask.runtime.records;

import dev.runtask.runtime.api.Shard;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What is known when an execution starts; arguments must already have secrets redacted. */
public record ExecutionStart(
    String runId,
    String taskName,
    List<String> redactedArguments,
    Instant startedAt,
    Optional<String> ecsTaskArn,
    Optional<String> launchedBy,
    boolean dryRun,
    Shard shard) {
  public ExecutionStart {
    redactedArguments = List.copyOf(redactedArguments);
  }
}
