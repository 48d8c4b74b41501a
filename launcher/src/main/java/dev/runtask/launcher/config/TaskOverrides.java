package dev.runtask.launcher.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-task settings for one environment ({@code <env>/tasks/<task>.json}): cpu, memory, extra
 * environment.
 */
public record TaskOverrides(String cpu, String memory, Map<String, String> environment) {
  /** {@code cpu} and {@code memory} may be null (not overridden); a null map means none. */
  public TaskOverrides {
    environment =
        environment == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
  }

  public static final TaskOverrides NONE = new TaskOverrides(null, null, Map.of());

  /** Reads tasks/TASK.json; unknown keys are errors. */
  public static TaskOverrides read(JsonReader r) {
    r.onlyKeys(java.util.Set.of("cpu", "memory", "environment"));
    return new TaskOverrides(r.text("cpu"), r.text("memory"), r.stringMap("environment"));
  }

  public boolean isEmpty() {
    return cpu == null && memory == null && environment.isEmpty();
  }
}
