package dev.runtask.launcher.aws;

import dev.runtask.launcher.explain.StopFacts;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;

/** What DescribeTasks says of a stopped task, as the explanation needs it. */
public final class StoppedTask {
  private StoppedTask() {}

  /**
   * The stop code and reason of {@code task} with the exit code and reason of its container named
   * {@code containerName} (none of a container that is missing from the description).
   */
  public static StopFacts facts(Task task, String containerName) {
    Container container =
        task.hasContainers()
            ? task.containers().stream()
                .filter(c -> containerName.equals(c.name()))
                .findFirst()
                .orElse(null)
            : null;
    return new StopFacts(
        task.stopCodeAsString(),
        task.stoppedReason(),
        container == null ? null : container.exitCode(),
        container == null ? null : container.reason());
  }
}
