package dev.runtask.launcher.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.launcher.aws.TaskStarter;
import dev.runtask.launcher.config.JsonFiles;
import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.run.RunPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The local record of one fan-out ({@code $XDG_STATE_HOME/runtask/runs/RUN_ID.json}, default {@code
 * ~/.local/state/…}): environment, task, arguments with secrets masked, the RunTask launch
 * (revision, environment, tags), and per shard its task ARN, clientToken and outcome. It is what
 * {@code attach RUN_ID} reattaches from after the launcher died (shards never answered are launched
 * again with their journaled clientToken, which ECS deduplicates) and what {@code --retry-failed
 * RUN_ID} reruns from. Rewritten whole (write, then atomic rename) on every change.
 */
public final class RunJournal {
  private static final Pattern RUN_ID =
      Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

  private final Path file;
  private final ObjectNode json;
  private final Map<Integer, ObjectNode> shards = new TreeMap<>();

  private RunJournal(Path file, ObjectNode json) {
    this.file = file;
    this.json = json;
    for (JsonNode s : json.path("shards")) {
      shards.put(s.path("index").asInt(), (ObjectNode) s);
    }
  }

  /**
   * Where journals live: {@code XDG_STATE_HOME}, else {@code HOME/.local/state}, + runtask/runs.
   */
  public static Path directory(Map<String, String> env) {
    String state = env.get("XDG_STATE_HOME");
    Path base =
        state != null && !state.isBlank()
            ? Path.of(state)
            : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "state");
    return base.resolve("runtask").resolve("runs");
  }

  public static boolean looksLikeRunId(String s) {
    return RUN_ID.matcher(s).matches();
  }

  /**
   * A new journal for a fan-out of {@code plan} that is about to launch (its arguments as shown,
   * secrets masked); written at once.
   */
  static RunJournal start(
      Map<String, String> env,
      String runId,
      RunPlan plan,
      int count,
      List<Integer> indices,
      String retryOf,
      TaskStarter.Launch launch) {
    String task = plan.task();
    List<String> maskedArgs = plan.redactedCommand().subList(1, plan.redactedCommand().size());
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("runId", runId);
    json.put("createdAt", Instant.now().toString());
    json.put("environment", plan.environment().name());
    json.put("task", task);
    maskedArgs.forEach(json.putArray("args")::add);
    json.put("secretsMasked", !plan.redactedCommand().equals(plan.command()));
    json.put("shardCount", count);
    if (retryOf != null) {
      json.put("retryOf", retryOf);
    }
    if (launch != null) {
      ObjectNode l = json.putObject("launch");
      l.put("taskDefinition", launch.taskDefinition());
      l.put("containerName", launch.containerName());
      // Never the real command when it holds secrets: the journal is a file on disk.
      var command = l.putArray("command").add(task);
      maskedArgs.forEach(command::add);
      ObjectNode e = l.putObject("environment");
      launch.environment().forEach(e::put);
      ObjectNode t = l.putObject("tags");
      launch.tags().forEach(t::put);
    }
    var array = json.putArray("shards");
    for (int index : indices) {
      array.addObject().put("index", index);
    }
    RunJournal journal = new RunJournal(directory(env).resolve(runId + ".json"), json);
    journal.save();
    return journal;
  }

  /** The journal of {@code runId}; exit 2 when there is none on this machine. */
  public static RunJournal load(Map<String, String> env, String runId) {
    Path file = directory(env).resolve(runId + ".json");
    if (!looksLikeRunId(runId) || !Files.isRegularFile(file)) {
      throw LauncherException.badInput(
          "no fan-out run " + runId + " in the journal (" + directory(env) + ")");
    }
    return new RunJournal(file, (ObjectNode) JsonFiles.read(file, file.getParent()));
  }

  public static Optional<RunJournal> find(Map<String, String> env, String id) {
    if (!looksLikeRunId(id) || !Files.isRegularFile(directory(env).resolve(id + ".json"))) {
      return Optional.empty();
    }
    return Optional.of(load(env, id));
  }

  public String runId() {
    return json.path("runId").asText();
  }

  public String environment() {
    return json.path("environment").asText();
  }

  public String task() {
    return json.path("task").asText();
  }

  public List<String> args() {
    List<String> args = new ArrayList<>();
    json.path("args").forEach(a -> args.add(a.asText()));
    return args;
  }

  public boolean secretsMasked() {
    return json.path("secretsMasked").asBoolean();
  }

  public int shardCount() {
    return json.path("shardCount").asInt();
  }

  public List<Integer> indices() {
    return List.copyOf(shards.keySet());
  }

  /** Shards that ended with a non-zero code, or whose end was never recorded. */
  public List<Integer> failedIndices() {
    return shards.values().stream()
        .filter(s -> !s.has("exitCode") || s.path("exitCode").asInt() != 0)
        .map(s -> s.path("index").asInt())
        .toList();
  }

  /** When the fan-out started. */
  public Instant createdAt() {
    return Instant.parse(json.path("createdAt").asText("1970-01-01T00:00:00Z"));
  }

  /** When its outcome was recorded; empty while it runs, or when the launcher died first. */
  public Optional<Instant> finishedAt() {
    return json.hasNonNull("finishedAt")
        ? Optional.of(Instant.parse(json.path("finishedAt").asText()))
        : Optional.empty();
  }

  /** The recorded exit code of {@code index}; empty when its end was never recorded. */
  public Optional<Integer> exitCode(int index) {
    ObjectNode s = shards.get(index);
    return s != null && s.has("exitCode")
        ? Optional.of(s.path("exitCode").asInt())
        : Optional.empty();
  }

  /** The recorded one-line cause of {@code index}'s failure, if any. */
  public Optional<String> cause(int index) {
    ObjectNode s = shards.get(index);
    return s == null ? Optional.empty() : Optional.ofNullable(s.path("cause").asText(null));
  }

  /** Every journal on this machine, newest first; unreadable files are skipped. */
  public static List<RunJournal> all(Map<String, String> env) {
    Path dir = directory(env);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<RunJournal> all = new ArrayList<>();
    try (var files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json") && looksLikeRunId(name.substring(0, name.length() - 5))) {
          try {
            all.add(new RunJournal(file, (ObjectNode) JsonFiles.read(file, dir)));
          } catch (RuntimeException e) {
            // A journal being rewritten or damaged by hand: not part of the history.
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    all.sort(Comparator.comparing(RunJournal::createdAt).reversed());
    return all;
  }

  /** The RunTask launch every shard of this run was started with (ECS runs only). */
  Optional<TaskStarter.Launch> launch() {
    JsonNode l = json.path("launch");
    if (l.isMissingNode() || secretsMasked()) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    l.path("command").forEach(c -> command.add(c.asText()));
    Map<String, String> environment = new LinkedHashMap<>();
    l.path("environment")
        .fields()
        .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
    Map<String, String> tags = new LinkedHashMap<>();
    l.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
    return Optional.of(
        new TaskStarter.Launch(
            l.path("taskDefinition").asText(),
            l.path("containerName").asText(),
            command,
            environment,
            tags,
            "-"));
  }

  /** The task ARN recorded for shard {@code index}; empty before its RunTask answered. */
  public Optional<String> taskArn(int index) {
    return Optional.ofNullable(shards.get(index)).map(s -> s.path("taskArn").asText(null));
  }

  synchronized void launched(int index, String taskArn, String clientToken) {
    shards.get(index).put("taskArn", taskArn).put("clientToken", clientToken);
    save();
  }

  synchronized void finished(List<ShardOutcome> outcomes) {
    for (ShardOutcome o : outcomes) {
      ObjectNode s = shards.get(o.index());
      s.put("exitCode", o.exitCode());
      if (o.cause() != null) {
        s.put("cause", o.cause());
      }
      if (o.taskArn() != null) {
        s.put("taskArn", o.taskArn());
      }
    }
    json.put("finishedAt", Instant.now().toString());
    save();
  }

  private void save() {
    json.set("shards", JsonNodeFactory.instance.arrayNode().addAll(shards.values()));
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, JsonFiles.pretty(json));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run journal " + file, e);
    }
  }
}
