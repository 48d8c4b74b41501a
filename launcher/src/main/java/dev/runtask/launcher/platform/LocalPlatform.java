package dev.runtask.launcher.platform;

import dev.runtask.contract.EnvironmentVariables;
import dev.runtask.contract.ExitCodes;
import dev.runtask.contract.StopGrace;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.explain.Outcome;
import dev.runtask.launcher.explain.StopExplainer;
import dev.runtask.launcher.explain.StopFacts;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.io.TaskOutput;
import dev.runtask.launcher.run.RunPlan;
import dev.runtask.launcher.run.RunResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the rendered command and environment in a child JVM ({@code java -jar tasks.jar TASK args}):
 * output streamed through, exit code passed through, Ctrl-C, SIGTERM and SIGHUP forwarded as
 * SIGTERM so the runtime stops the way ECS would stop it, SIGKILL when it outlives its grace. AWS
 * credentials are not passed on: a local run needs none.
 */
public final class LocalPlatform implements TaskPlatform {
  private static final List<String> WITHHELD =
      List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");
  private final Host host;
  private final Path projectRoot;

  public LocalPlatform(Host host, Path projectRoot) {
    this.host = host;
    this.projectRoot = projectRoot;
  }

  @Override
  public RunResult run(RunPlan plan) {
    List<String> prefix = javaPrefix(plan.environment().config().localOrDefault());
    String shownCommand = String.join(" ", plan.redactedCommand());
    if (plan.options().dryRun()) {
      List<String> shown = new ArrayList<>(prefix);
      shown.addAll(plan.redactedCommand());
      host.terminal().result(String.join(" ", shown));
      environment(plan).forEach((k, v) -> host.terminal().result("  " + k + "=" + v));
      host.terminal().info("dry run: nothing was started");
      return new RunResult(
          plan.environment().name(),
          plan.task(),
          shownCommand,
          null,
          null,
          new RunResult.DryRun(null, null),
          new Outcome(ExitCodes.SUCCESS, null));
    }
    Outcome outcome = explained(runChild(childProcess(plan), plan), plan);
    return new RunResult(
        plan.environment().name(), plan.task(), shownCommand, null, null, null, outcome);
  }

  /**
   * The child JVM of a plan, ready to start: {@code java [@jvm.options] -jar tasks.jar TASK args}
   * in the project root, with this launcher's environment minus AWS credentials plus the
   * container's rendered one. A fan-out (package {@code fanout}) starts one per shard.
   */
  public ProcessBuilder childProcess(RunPlan plan) {
    EnvironmentConfig.Local local = plan.environment().config().localOrDefault();
    Path jar = projectRoot.resolve(local.tasksJar());
    if (!Files.isRegularFile(jar)) {
      throw LauncherException.badInput(
          jar + " does not exist — build it first: mvn -B -pl tasks -am package -DskipTests");
    }
    List<String> command = new ArrayList<>(javaPrefix(local));
    command.addAll(plan.command());
    ProcessBuilder builder = new ProcessBuilder(command).directory(projectRoot.toFile());
    // The child sees this launcher's environment (as the host gave it) minus AWS credentials.
    builder.environment().clear();
    builder.environment().putAll(host.env());
    WITHHELD.forEach(builder.environment()::remove);
    builder.environment().putAll(environment(plan));
    // The child's stdout is a pipe, so it logs JSON lines: TaskOutput renders them for a person at
    // a terminal exactly as it renders the same lines from CloudWatch, and passes them on
    // otherwise.
    return builder;
  }

  private List<String> javaPrefix(EnvironmentConfig.Local local) {
    Path jar = projectRoot.resolve(local.tasksJar());
    Path jvmOptions = local.jvmOptions() == null ? null : projectRoot.resolve(local.jvmOptions());
    List<String> prefix = new ArrayList<>();
    prefix.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (jvmOptions != null && Files.isRegularFile(jvmOptions)) {
      prefix.add("@" + jvmOptions);
    }
    prefix.add("-jar");
    prefix.add(jar.toString());
    return prefix;
  }

  private int runChild(ProcessBuilder builder, RunPlan plan) {
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw LauncherException.badInput(
          "cannot start " + builder.command().get(0) + ": " + e.getMessage());
    }
    // SIGTERM through the ProcessHandle: Process.destroy() would also close the pipes and lose
    // the lines the task prints while it shuts down. A second Ctrl-C kills it; so does the end of
    // the child's grace (plus the time its watchdog needs to close the record and exit).
    Duration patience = childGrace(builder).plus(StopGrace.LAUNCHER_MARGIN);
    AtomicBoolean termSent = new AtomicBoolean();
    host.interrupts()
        .onInterrupt(
            () -> {
              if (termSent.compareAndSet(false, true)) {
                host.terminal()
                    .info(
                        host.interrupts().fromTerminal()
                            ? "launcher: sent SIGTERM to the task (Ctrl-C again to kill it)"
                            : "launcher: got "
                                + host.interrupts().lastSignal()
                                + ": sent SIGTERM to the task; SIGKILL in "
                                + patience.toSeconds()
                                + " s unless it stops");
                process.toHandle().destroy();
                killAfter(process, patience);
              } else {
                process.toHandle().destroyForcibly();
              }
            });
    // Only now copy the output: a Ctrl-C prompted by the first lines must find the handler set.
    // In JSON mode stdout carries only the report, so the task's stdout goes to stderr.
    TaskOutput output = TaskOutput.of(host, plan.options().json());
    Thread out = pump(process.getInputStream(), output::line);
    Thread err = pump(process.getErrorStream(), output::errorLine);
    try {
      int code = process.waitFor();
      out.join();
      err.join();
      return code;
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      return ExitCodes.WAIT_INTERRUPTED;
    } finally {
      host.interrupts().onInterrupt(null);
    }
  }

  /** The grace the child's runtime gives itself after SIGTERM (its default when unreadable). */
  private static Duration childGrace(ProcessBuilder builder) {
    try {
      return StopGrace.from(builder.environment());
    } catch (IllegalArgumentException e) {
      return Duration.ofSeconds(StopGrace.DEFAULT_SECONDS); // the child refuses it and exits 2
    }
  }

  private void killAfter(Process process, Duration patience) {
    CompletableFuture.runAsync(
        () -> {
          if (process.isAlive()) {
            host.terminal()
                .info(
                    "launcher: the task did not stop within "
                        + patience.toSeconds()
                        + " s of SIGTERM; sent SIGKILL");
            process.toHandle().destroyForcibly();
          }
        },
        CompletableFuture.delayedExecutor(patience.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** The child's exit code, explained as the container's would be. */
  private Outcome explained(int code, RunPlan plan) {
    Outcome outcome = explain(code, plan);
    if (outcome.explanation() != null) {
      host.terminal().info("launcher: " + outcome.explanation());
    }
    return outcome;
  }

  /** A child's exit code with the line that explains it, as a container's would be explained. */
  public static Outcome explain(int code, RunPlan plan) {
    return new Outcome(
        code,
        StopExplainer.explain(new StopFacts(null, null, code, null), plan.memoryHint())
            .explanation());
  }

  /** The container's environment from the rendered definition, plus who launched it. */
  private Map<String, String> environment(RunPlan plan) {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    plan.definition()
        .container()
        .path("environment")
        .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    env.put(EnvironmentVariables.LAUNCHED_BY, "local:" + host.user());
    return env;
  }

  /**
   * Copies the child's lines as they come (a line at a time, so each can be rendered); a fan-out's
   * shards are copied the same way, each line behind its shard.
   */
  public static Thread pump(InputStream from, Consumer<String> to) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  to.accept(line);
                }
              } catch (IOException e) {
                // The child closed its end: nothing more to copy.
              }
            },
            "child-output");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
