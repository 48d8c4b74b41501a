package dev.runtask.runtime.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Reads the ECS task ARN from the container metadata endpoint v4, once, with a short timeout. */
public final class EcsTaskMetadata {
  /** Set by ECS (Fargate platform 1.4+) in every container. */
  public static final String VARIABLE = "ECS_CONTAINER_METADATA_URI_V4";

  private static final Duration TIMEOUT = Duration.ofMillis(1500);

  private EcsTaskMetadata() {}

  /** The task ARN, or empty when not on ECS or the endpoint does not answer: never an error. */
  public static Optional<String> taskArn(Map<String, String> env) {
    String base = env.get(VARIABLE);
    if (base == null || base.isBlank()) {
      return Optional.empty();
    }
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(base + "/task").toURL().openConnection();
      connection.setConnectTimeout((int) TIMEOUT.toMillis());
      connection.setReadTimeout((int) TIMEOUT.toMillis());
      try (InputStream body = connection.getInputStream()) {
        JsonNode arn = new ObjectMapper().readTree(body).path("TaskARN");
        return arn.isTextual() ? Optional.of(arn.asText()) : Optional.empty();
      } finally {
        connection.disconnect();
      }
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(EcsTaskMetadata.class)
          .warn(
              "ECS metadata endpoint {} did not give a task ARN ({}); continuing without it",
              base,
              e.toString());
      return Optional.empty();
    }
  }
}
