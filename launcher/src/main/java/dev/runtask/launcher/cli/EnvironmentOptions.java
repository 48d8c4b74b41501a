package dev.runtask.launcher.cli;

import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.run.Planner;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Shared flags naming the environment and where its configuration lives. */
public final class EnvironmentOptions {
  @Option(
      names = {"-e", "--env"},
      required = true,
      paramLabel = "ENV",
      completionCandidates = EnvironmentNames.class,
      description = "Environment: a directory under task-definitions/ (${COMPLETION-CANDIDATES}).")
  String env;

  @Option(
      names = "--config-dir",
      paramLabel = "DIR",
      description =
          "The task-definitions directory (default: ./task-definitions or the nearest parent that has one; or $RUNTASK_CONFIG_DIR).")
  Path configDir;

  @Option(
      names = "--image-tag",
      paramLabel = "TAG",
      description =
          "Image tag for {{ image_tag }} (default: $RUNTASK_IMAGE_TAG, else the git commit this launcher was built from).")
  String imageTag;

  /**
   * The planner for an ECS environment (ps, logs, stop): a local one is bad input, saying {@code
   * instead} what to do there.
   */
  Planner ecsPlanner(Host host, String instead) {
    Planner planner = planner(host);
    if (planner.environment().config().runsLocally()) {
      throw LauncherException.badInput("environment " + env + " runs tasks locally: " + instead);
    }
    return planner;
  }

  /** The planner for the chosen environment on {@code host}. */
  Planner planner(Host host) {
    return new Planner(host, env, configDir, imageTag);
  }
}
