package dev.runtask.launcher.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.launcher.explain.Outcome;
import java.util.Objects;

/**
 * What came of a run or attach: its exit code with the one line that explains it, and what is known
 * of the task by then. {@link #json()} is the {@code --output json} object (docs/launcher.md).
 *
 * @param task the task's name; null only when a failed attach never learnt it
 * @param command the task command as shown (secrets masked); null for attach
 * @param started the task once ECS has it; null for a dry run, a local run or a refused one
 * @param watched what the wait saw; null when nothing was waited for
 * @param dryRun what a dry run would send, for the JSON form; null otherwise
 */
public record RunResult(
    String environment,
    String task,
    String command,
    Started started,
    Watched watched,
    DryRun dryRun,
    Outcome outcome) {
  public RunResult {
    Objects.requireNonNull(outcome, "outcome");
  }

  /** A run refused or failed before any task existed. */
  public static RunResult failed(String task, Outcome outcome) {
    return new RunResult(null, task, null, null, null, null, outcome);
  }

  public int exitCode() {
    return outcome.exitCode();
  }

  /**
   * The task in ECS: the definition revision it runs ({@code taskDefinition} and {@code registered}
   * are null for attach, which did not register it).
   */
  public record Started(
      String taskDefinition, Boolean registered, String taskArn, String consoleUrl) {
    public Started {
      Objects.requireNonNull(taskArn, "taskArn");
      Objects.requireNonNull(consoleUrl, "consoleUrl");
    }
  }

  /** What the wait last saw of the task; any of it may be missing (ECS leaves fields out). */
  public record Watched(
      String logGroup,
      String logStream,
      String lastStatus,
      String stopCode,
      String stoppedReason,
      Integer containerExitCode,
      Boolean stopRequested) {}

  /**
   * A dry run: the task definition and RunTask request it would send (null for a local dry run,
   * which prints a command line instead).
   */
  public record DryRun(JsonNode taskDefinition, JsonNode runTaskRequest) {
    public DryRun {
      taskDefinition = taskDefinition == null ? null : taskDefinition.deepCopy();
      runTaskRequest = runTaskRequest == null ? null : runTaskRequest.deepCopy();
    }
  }

  /** The {@code --output json} object: only what is known, in a fixed order. */
  public ObjectNode json() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    put(json, "environment", environment);
    put(json, "task", task);
    put(json, "command", command);
    if (dryRun != null) {
      if (dryRun.taskDefinition() != null) {
        json.set("taskDefinition", dryRun.taskDefinition());
        json.set("runTaskRequest", dryRun.runTaskRequest());
      }
      json.put("dryRun", true);
    }
    if (started != null) {
      put(json, "taskDefinition", started.taskDefinition());
      if (started.registered() != null) {
        json.put("registered", started.registered());
      }
      put(json, "taskArn", started.taskArn());
      put(json, "consoleUrl", started.consoleUrl());
    }
    if (watched != null) {
      put(json, "logGroup", watched.logGroup());
      put(json, "logStream", watched.logStream());
      put(json, "lastStatus", watched.lastStatus());
      put(json, "stopCode", watched.stopCode());
      put(json, "stoppedReason", watched.stoppedReason());
      if (watched.containerExitCode() != null) {
        json.put("containerExitCode", watched.containerExitCode());
      }
      if (watched.stopRequested() != null) {
        json.put("stopRequested", watched.stopRequested());
      }
    }
    json.put("exitCode", outcome.exitCode());
    put(json, "explanation", outcome.explanation());
    return json;
  }

  private static void put(ObjectNode json, String key, String value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
