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
import java.util.concurrent.Callable;
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

  /** No ARN: not on ECS. */
  public static final Supplier<Optional<String>> NOT_ON_ECS = new Read(null);

  private EcsTaskMetadata() {}

  /**
   * Starts reading the task ARN on a daemon thread; the supplier waits for it. Empty at once when
   * not on ECS.
   */
  public static Supplier<Optional<String>> taskArnInBackground(Map<String, String> env) {
    if (!onEcs(env)) {
      return NOT_ON_ECS;
    }
    Read read = new Read(new FutureTask<>(new Request(env)));
    Thread thread = new Thread(read.answer, "ecs-metadata");
    thread.setDaemon(true);
    thread.start();
    return read;
  }

  /** The task ARN, or empty when the endpoint does not answer: never an error. */
  private static Optional<String> taskArn(Map<String, String> env) {
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

  // Classes, not lambdas: this runs on the main thread before anything else, and the process's
  // first lambda sets up java.lang.invoke, which the logging thread does meanwhile
  // (LoggingStartup).

  /** The request, for the reading thread. */
  private record Request(Map<String, String> env) implements Callable<Optional<String>> {
    @Override
    public Optional<String> call() {
      return taskArn(env);
    }
  }

  /** The answer: waits for the reading thread, or empty when nothing is read. */
  private record Read(FutureTask<Optional<String>> answer) implements Supplier<Optional<String>> {
    @Override
    public Optional<String> get() {
      return answer == null ? Optional.empty() : join(answer);
    }
  }

  private static Optional<String> join(FutureTask<Optional<String>> answer) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return answer.get();
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
