package dev.runtask.launcher.fanout;

import dev.runtask.contract.EnvironmentVariables;
import dev.runtask.contract.ExitCodes;
import dev.runtask.launcher.aws.TaskStarter;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.explain.FailureExplainer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Starts one shard: its own RunTask call, paced by the shared {@link TokenBucket}. Throttling, 5xx
 * and lost responses are retried with the SAME clientToken, so ECS answers a retry of a call that
 * did start a task with that task instead of starting a second. {@code failures[]} (nothing was
 * started) is retried within a bound under a new token, since ECS would repeat the first answer for
 * the old one.
 */
final class ShardLauncher {
  /** Throttling answers (after the SDK's own retries) one shard takes before it gives up. */
  static final int MAX_THROTTLED = 20;

  /** 5xx / network failures (after the SDK's own retries) before a shard gives up. */
  static final int MAX_ERRORS = 5;

  /** RunTask failures[] (RESOURCE:*, AGENT…) retried per shard before it is reported. */
  static final int MAX_FAILURE_RETRIES = 3;

  private final EcsClient ecs;
  private final EnvironmentConfig config;
  private final TaskStarter.Launch base;
  private final String runId;
  private final TokenBucket bucket;
  private final Duration firstBackoff;

  ShardLauncher(
      EcsClient ecs,
      EnvironmentConfig config,
      TaskStarter.Launch base,
      String runId,
      TokenBucket bucket,
      Duration firstBackoff) {
    this.ecs = ecs;
    this.config = config;
    this.base = base;
    this.runId = runId;
    this.bucket = bucket;
    this.firstBackoff = firstBackoff;
  }

  /**
   * The clientToken of a shard's launch: run id and index ({@code RUN_ID-7}, at most 48 of the 64
   * characters ECS allows), plus the attempt after a failures[] answer.
   */
  static String clientToken(String runId, int index, int failureRetry) {
    return runId + "-" + index + (failureRetry == 0 ? "" : "-r" + failureRetry);
  }

  /** The shard's RunTask request: the run's launch plus its shard variables and tags. */
  RunTaskRequest request(EcsShard shard, int failureRetry) {
    Map<String, String> env = new LinkedHashMap<>(base.environment());
    env.put(EnvironmentVariables.SHARD_INDEX, Integer.toString(shard.index));
    env.put(EnvironmentVariables.SHARD_COUNT, Integer.toString(shard.count));
    env.put(EnvironmentVariables.RUN_ID, runId);
    Map<String, String> tags = new LinkedHashMap<>(base.tags());
    tags.put("run-id", runId);
    tags.put("shard", shard.index + "/" + shard.count);
    return TaskStarter.request(
        config,
        new TaskStarter.Launch(
            base.taskDefinition(),
            base.containerName(),
            base.command(),
            env,
            tags,
            clientToken(runId, shard.index, failureRetry)));
  }

  /** Launches the shard: on success it is started, otherwise it ended with the reason. */
  void launch(EcsShard shard) throws InterruptedException {
    int throttled = 0;
    int errors = 0;
    int failureRetries = 0;
    RunTaskRequest request = request(shard, 0);
    while (true) {
      bucket.acquire();
      shard.clientToken = request.clientToken();
      try {
        RunTaskResponse response = ecs.runTask(request);
        if (response.hasFailures() && !response.failures().isEmpty()) {
          Failure f = response.failures().get(0);
          if (failureRetries < MAX_FAILURE_RETRIES) {
            failureRetries++;
            request = request(shard, failureRetries);
            pause(failureRetries);
            continue;
          }
          shard.ended(
              ExitCodes.NEVER_RAN,
              FailureExplainer.explain(f.arn(), f.reason(), f.detail())
                  + " (after "
                  + (failureRetries + 1)
                  + " attempts)");
          return;
        }
        if (!response.hasTasks() || response.tasks().isEmpty()) {
          shard.ended(ExitCodes.NEVER_RAN, "RunTask returned neither a task nor a failure");
          return;
        }
        Task task = response.tasks().get(0);
        shard.started(task.taskArn(), task.lastStatus());
        return;
      } catch (SdkServiceException e) {
        if (e.isThrottlingException() && ++throttled <= MAX_THROTTLED) {
          pause(throttled);
        } else if (e.statusCode() >= 500 && ++errors <= MAX_ERRORS) {
          pause(errors);
        } else {
          shard.ended(ExitCodes.AWS_CALL_FAILED, "RunTask failed: " + oneLine(e.getMessage()));
          return;
        }
      } catch (SdkClientException e) {
        if (++errors > MAX_ERRORS) {
          shard.ended(ExitCodes.AWS_CALL_FAILED, "RunTask failed: " + oneLine(e.getMessage()));
          return;
        }
        pause(errors);
      }
    }
  }

  /** Exponential backoff with full jitter, capped at 5 s (AWS's advice for throttling). */
  private void pause(int attempt) throws InterruptedException {
    long cap = Math.min(5_000, firstBackoff.toMillis() << Math.min(attempt, 12));
    long millis = ThreadLocalRandom.current().nextLong(Math.max(1, cap) + 1);
    Thread.sleep(millis);
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ");
  }
}
