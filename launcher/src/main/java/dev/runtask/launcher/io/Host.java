package dev.runtask.launcher.io;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the launcher reads from the machine it runs on: environment variables, working directory,
 * console and interrupt signal. Passed in rather than read globally so tests can run in-process.
 */
public record Host(
    Map<String, String> env, Path workDir, Terminal terminal, Interrupts interrupts) {
  public Host {
    env = Map.copyOf(env);
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(terminal, "terminal");
    Objects.requireNonNull(interrupts, "interrupts");
  }

  public String user() {
    return env.getOrDefault("USER", System.getProperty("user.name", "unknown"));
  }
}
