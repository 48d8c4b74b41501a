package dev.runtask.runtime.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Reads the ECS task ARN from the container metadata endpoint v4, once, with a short timeout. On
 * ECS the read runs on its own thread while the task's options are parsed: every line of the task
 * carries the ARN, but the request and its JSON cost every task start tens of milliseconds when
 * made first (bench/README.md). Only the one field is read, with Jackson's streaming parser.
 */
public final class EcsTaskMetadata {
  /** Set by ECS (Fargate platform 1.4+) in every container. */
  public static final String VARIABLE = "ECS_CONTAINER_METADATA_URI_V4";

  private static final Duration TIMEOUT = Duration.ofMillis(1500);
  private static final String TASK_ARN = "TaskARN";

  private EcsTaskMetadata() {}

  /**
   * Starts reading the task ARN on a daemon thread; the supplier waits for it. Empty at once when
   * not on ECS.
   */
  public static Supplier<Optional<String>> taskArnInBackground(Map<String, String> env) {
    if (!onEcs(env)) {
      return Optional::empty;
    }
    FutureTask<Optional<String>> read = new FutureTask<>(() -> taskArn(env));
    Thread thread = new Thread(read, "ecs-metadata");
    thread.setDaemon(true);
    thread.start();
    return () -> join(read);
  }

  /** The task ARN, or empty when not on ECS or the endpoint does not answer: never an error. */
  public static Optional<String> taskArn(Map<String, String> env) {
    if (!onEcs(env)) {
      return Optional.empty();
    }
    String base = env.get(VARIABLE);
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(base + "/task").toURL().openConnection();
      connection.setConnectTimeout((int) TIMEOUT.toMillis());
      connection.setReadTimeout((int) TIMEOUT.toMillis());
      try (InputStream body = connection.getInputStream()) {
        return taskArnIn(body);
      } finally {
        connection.disconnect();
      }
    } catch (Exception e) {
      // Not lost if the process is quick: held until logging is up, as every early log call is.
      LoggingStartup.awaitReady();
      LoggerFactory.getLogger(EcsTaskMetadata.class)
          .warn(
              "ECS metadata endpoint {} did not give a task ARN ({}); continuing without it",
              base,
              e.toString());
      return Optional.empty();
    }
  }

  /** The top-level {@code TaskARN} string of a task metadata document, if it has one. */
  static Optional<String> taskArnIn(InputStream json) throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals(TASK_ARN) && value == JsonToken.VALUE_STRING) {
          return Optional.of(parser.getText());
        }
        parser.skipChildren();
      }
      return Optional.empty();
    }
  }

  private static boolean onEcs(Map<String, String> env) {
    String base = env.get(VARIABLE);
    return base != null && !base.isBlank();
  }

  private static Optional<String> join(FutureTask<Optional<String>> read) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return read.get();
        } catch (InterruptedException e) {
          // A stop signal may interrupt the main thread this early; the answer is seconds away.
          interrupted = true;
        } catch (ExecutionException e) {
          return Optional.empty();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
