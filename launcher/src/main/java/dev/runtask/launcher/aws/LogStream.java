package dev.runtask.launcher.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/** Where awslogs writes a container's output: {@code prefix/container/task-id} in the group. */
public record LogStream(String group, String stream) {
  public LogStream {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(stream, "stream");
  }

  /**
   * The stream of {@code taskArn}'s container, from its awslogs options; empty for other drivers.
   */
  public static Optional<LogStream> of(JsonNode container, String taskArn) {
    JsonNode logConfiguration = container.path("logConfiguration");
    if (!"awslogs".equals(logConfiguration.path("logDriver").asText())) {
      return Optional.empty();
    }
    JsonNode options = logConfiguration.path("options");
    String group = options.path("awslogs-group").asText(null);
    String prefix = options.path("awslogs-stream-prefix").asText(null);
    if (group == null || prefix == null) {
      return Optional.empty();
    }
    String name = container.path("name").asText();
    return Optional.of(
        new LogStream(group, prefix + "/" + name + "/" + ConsoleUrls.taskId(taskArn)));
  }
}
