package dev.runtask.launcher.config;

import java.util.Map;

/** Per-task settings for one environment ({@code <env>/tasks/<task>.json}): cpu, memory, extra environment. */
public record TaskOverrides(String cpu, String memory, Map<String, String> environment) {
    public static final TaskOverrides NONE = new TaskOverrides(null, null, Map.of());

    public boolean isEmpty() {
        return cpu == null && memory == null && (environment == null || environment.isEmpty());
    }

    public Map<String, String> environmentOrEmpty() {
        return environment == null ? Map.of() : environment;
    }
}
