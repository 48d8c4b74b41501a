package dev.runtask.launcher.cli;

import dev.runtask.launcher.config.BuildInfo;
import dev.runtask.launcher.config.ConfigDirectory;
import dev.runtask.launcher.config.Environment;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.config.TaskOverrides;
import dev.runtask.launcher.config.Templates;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.manifest.ArgumentValidator;
import dev.runtask.launcher.manifest.ManifestLoader;
import dev.runtask.launcher.manifest.TaskManifest;
import dev.runtask.launcher.platform.RunOptions;
import dev.runtask.launcher.platform.RunPlan;
import dev.runtask.launcher.render.RenderedDefinition;
import dev.runtask.launcher.render.TaskDefinitionRenderer;
import java.util.List;

/**
 * The part of every command that needs no AWS: locate config, load the environment, validate the
 * task and its arguments against the manifest, render. Any problem here is exit 2 with nothing
 * sent.
 */
final class Planner {
  private final Host host;
  private final EnvironmentOptions options;
  private ConfigDirectory directory;
  private Templates templates;
  private Environment environment;

  Planner(Host host, EnvironmentOptions options) {
    this.host = host;
    this.options = options;
  }

  Environment environment() {
    if (environment == null) {
      directory = ConfigDirectory.locate(options.configDir, host.env(), host.workDir());
      String fromEnv = host.env().get("RUNTASK_IMAGE_TAG");
      String tag =
          options.imageTag != null
              ? options.imageTag
              : fromEnv != null && !fromEnv.isEmpty() ? fromEnv : BuildInfo.gitCommit();
      templates = new Templates(host.env(), tag);
      environment = directory.load(options.env, templates);
    }
    return environment;
  }

  ConfigDirectory directory() {
    environment();
    return directory;
  }

  TaskManifest manifest() {
    return ManifestLoader.load(EnvironmentConfig.projectRoot(directory().root()));
  }

  /** The definition for {@code task} (null: the environment's base definition). */
  RenderedDefinition render(String task) {
    Environment env = environment();
    TaskOverrides overrides =
        task == null ? TaskOverrides.NONE : directory.overrides(env, task, templates);
    return TaskDefinitionRenderer.render(
        env, task, overrides, directory.display(env.dir().resolve("task-definition.json")));
  }

  /**
   * For attach: no arguments to validate; the task only selects its overrides and the memory hint.
   */
  RunPlan attachPlan(String task, RunOptions runOptions) {
    Environment env = environment();
    if (task != null) {
      manifest().task(task);
    }
    String name = task == null ? "TASK" : task;
    String memoryHint = directory.display(env.dir().resolve("tasks").resolve(name + ".json"));
    return new RunPlan(
        env,
        name,
        new ArgumentValidator.ValidatedArgs(List.of(), List.of()),
        render(task),
        BuildInfo.gitCommit() != null ? BuildInfo.gitCommit() : "unknown",
        memoryHint,
        runOptions);
  }

  RunPlan plan(
      String task, List<String> args, List<String> launcherOptions, RunOptions runOptions) {
    Environment env = environment();
    TaskManifest.TaskSpec spec = manifest().task(task);
    ArgumentValidator.ValidatedArgs validated =
        ArgumentValidator.validate(spec, args, launcherOptions);
    RenderedDefinition definition = render(task);
    String sha = BuildInfo.gitCommit() != null ? BuildInfo.gitCommit() : "unknown";
    String memoryHint = directory.display(env.dir().resolve("tasks").resolve(task + ".json"));
    return new RunPlan(env, task, validated, definition, sha, memoryHint, runOptions);
  }
}
