package dev.runtask.launcher.config;

import java.util.Map;

/**
 * Per-task settings for one environment ({@code <env>/tasks/<task>.json}): cpu, memory, extra
 * environment.
 */
public record TaskOverrides(String cpu, String memory, Map<String, String> environment) {
  public static final TaskOverrides NONE = new TaskOverrides(null, null, Map.of());

  /** Reads tasks/TASK.json; unknown keys are errors. */
  public static TaskOverrides read(JsonReader r) {
    r.onlyKeys(java.util.Set.of("cpu", "memory", "environment"));
    return new TaskOverrides(r.text("cpu"), r.text("memory"), r.stringMap("environment"));
  }

  public boolean isEmpty() {
    return cpu == null && memory == null && (environment == null || environment.isEmpty());
  }

  public Map<String, String> environmentOrEmpty() {
    return environment == null ? Map.of() : environment;
  }
}
