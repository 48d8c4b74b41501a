package dev.runtask.launcher.config;

import dev.runtask.launcher.exit.LauncherException;
import java.util.List;
import java.util.Set;

/**
 * Checks an environment.json for missing or contradictory settings before anything is sent
 * anywhere.
 */
final class EnvironmentValidator {
  private static final Set<String> PLATFORMS = Set.of("ecs", "local");
  private static final Set<String> LAUNCH_TYPES = Set.of("FARGATE", "EC2", "EXTERNAL");
  private final String file;

  EnvironmentValidator(String file) {
    this.file = file;
  }

  void validate(EnvironmentConfig c) {
    require(
        c.platform() != null && PLATFORMS.contains(c.platform()),
        "platform",
        "\"ecs\" or \"local\"");
    if (c.runsLocally()) {
      return;
    }
    require(nonEmpty(c.region()), "region", "an AWS region such as \"ap-northeast-1\"");
    require(nonEmpty(c.cluster()), "cluster", "the ECS cluster name");
    require(nonEmpty(c.containerName()), "containerName", "the container that runs the task");
    require(c.accountId() == null || c.accountId().matches("\\d{12}"), "accountId", "12 digits");
    require(
        c.network() != null && nonEmpty(c.network().subnets()),
        "network.subnets",
        "at least one subnet id");
    require(
        nonEmpty(c.network().securityGroups()),
        "network.securityGroups",
        "at least one security group id");
    boolean hasLaunchType = nonEmpty(c.launchType());
    boolean hasStrategy = nonEmpty(c.capacityProviderStrategy());
    require(
        hasLaunchType != hasStrategy,
        "launchType/capacityProviderStrategy",
        "exactly one of the two");
    require(
        !hasLaunchType || LAUNCH_TYPES.contains(c.launchType()),
        "launchType",
        "one of " + LAUNCH_TYPES);
    if (hasStrategy) {
      for (EnvironmentConfig.CapacityProvider p : c.capacityProviderStrategy()) {
        require(
            nonEmpty(p.capacityProvider()),
            "capacityProviderStrategy[].capacityProvider",
            "a provider name such as FARGATE_SPOT");
      }
    }
  }

  private void require(boolean ok, String key, String expected) {
    if (!ok) {
      throw LauncherException.badInput(file + ": \"" + key + "\": expected " + expected);
    }
  }

  private static boolean nonEmpty(String s) {
    return s != null && !s.isBlank();
  }

  private static boolean nonEmpty(List<?> l) {
    return l != null && !l.isEmpty();
  }
}
