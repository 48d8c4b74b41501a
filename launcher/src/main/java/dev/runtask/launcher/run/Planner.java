package dev.runtask.launcher.run;

import dev.runtask.contract.TaskManifest.TaskSpec;
import dev.runtask.launcher.config.BuildInfo;
import dev.runtask.launcher.config.ConfigDirectory;
import dev.runtask.launcher.config.Environment;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.config.TaskOverrides;
import dev.runtask.launcher.config.Templates;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.manifest.BundledManifest;
import dev.runtask.launcher.manifest.TaskArguments;
import dev.runtask.launcher.render.RenderedDefinition;
import dev.runtask.launcher.render.TaskDefinitionRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of every command that needs no AWS: locate config, load the environment, validate the
 * task and its arguments against the manifest, render. Any problem here is exit 2 with nothing
 * sent.
 */
public final class Planner {
  // A task name is kebab-case (launcher new); anything else from ECS is not used as a file name.
  private static final Pattern TASK_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private final Host host;
  private final String environmentName;
  private final Path configDir;
  private final String imageTag;
  private ConfigDirectory directory;
  private Templates templates;
  private Environment environment;
  private String tag;
  private boolean tagChosen;

  /**
   * {@code configDir} and {@code imageTag} may be null (then located and defaulted as documented in
   * task-definitions/README.md).
   */
  public Planner(Host host, String environmentName, Path configDir, String imageTag) {
    this.host = host;
    this.environmentName = environmentName;
    this.configDir = configDir;
    this.imageTag = imageTag;
  }

  public Environment environment() {
    if (environment == null) {
      directory = ConfigDirectory.locate(configDir, host.env(), host.workDir());
      String fromEnv = host.env().get("RUNTASK_IMAGE_TAG");
      tagChosen = imageTag != null || (fromEnv != null && !fromEnv.isEmpty());
      tag = imageTag != null ? imageTag : tagChosen ? fromEnv : BuildInfo.gitCommit();
      templates = new Templates(host.env(), tag);
      environment = directory.load(environmentName, templates);
    }
    return environment;
  }

  public ConfigDirectory directory() {
    environment();
    return directory;
  }

  public BundledManifest manifest() {
    return BundledManifest.load(EnvironmentConfig.projectRoot(directory().root()));
  }

  /** The definition for {@code task} (null: the environment's base definition). */
  public RenderedDefinition render(String task) {
    Environment env = environment();
    TaskOverrides overrides =
        task == null ? TaskOverrides.NONE : directory.overrides(env, task, templates);
    return TaskDefinitionRenderer.render(
        env, task, overrides, directory.display(env.dir().resolve("task-definition.json")));
  }

  /**
   * For attach: no arguments to validate; the task only selects its overrides and the memory hint.
   * {@code named} is the operator's {@code -n} (checked against the manifest), {@code running} the
   * name the task was started with (from another build, perhaps: not checked); either may be null.
   */
  public RunPlan attachPlan(String named, String running, RunOptions runOptions) {
    Environment env = environment();
    if (named != null) {
      manifest().task(named);
    }
    String task = named != null ? named : running;
    boolean known = task != null && TASK_NAME.matcher(task).matches();
    String memoryHint =
        directory.display(env.dir().resolve("tasks").resolve((known ? task : "TASK") + ".json"));
    return new RunPlan(
        env,
        known ? task : "(a task not started by this launcher)",
        TaskArguments.none(),
        render(known ? task : null),
        BuildInfo.gitCommit() != null ? BuildInfo.gitCommit() : "unknown",
        memoryHint,
        runOptions);
  }

  public RunPlan plan(
      String task, List<String> args, List<String> launcherOptions, RunOptions runOptions) {
    Environment env = environment();
    TaskSpec spec = manifest().task(task);
    TaskArguments validated = TaskArguments.check(spec, args, launcherOptions);
    RenderedDefinition definition = render(task);
    if (!env.config().runsLocally()) {
      ImageSources.require(EnvironmentConfig.projectRoot(directory.root()), tag, tagChosen);
    }
    String sha = BuildInfo.gitCommit() != null ? BuildInfo.gitCommit() : "unknown";
    String memoryHint = directory.display(env.dir().resolve("tasks").resolve(task + ".json"));
    return new RunPlan(env, task, validated, definition, sha, memoryHint, runOptions);
  }
}
