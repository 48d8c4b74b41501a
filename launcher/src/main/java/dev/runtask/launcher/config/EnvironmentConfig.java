package dev.runtask.launcher.config;

import java.nio.file.Path;
import java.util.List;

/**
 * One environment's run settings ({@code task-definitions/<env>/environment.json}): where and how a
 * task runs. The task definition itself lives next to it in {@code task-definition.json}.
 */
public record EnvironmentConfig(
    String platform,
    String region,
    String accountId,
    String cluster,
    String containerName,
    Network network,
    String launchType,
    List<CapacityProvider> capacityProviderStrategy,
    boolean confirm,
    Local local,
    LaunchPacing launchPacing) {
  /** Missing settings stay null here; {@code EnvironmentValidator} names the ones required. */
  public EnvironmentConfig {
    capacityProviderStrategy =
        capacityProviderStrategy == null ? null : List.copyOf(capacityProviderStrategy);
  }

  /** awsvpc network settings for RunTask. */
  public record Network(List<String> subnets, List<String> securityGroups, boolean assignPublicIp) {
    /** Null lists are kept null, so the validator can say which key is missing. */
    public Network {
      subnets = subnets == null ? null : List.copyOf(subnets);
      securityGroups = securityGroups == null ? null : List.copyOf(securityGroups);
    }
  }

  /** One entry of a capacity provider strategy, e.g. FARGATE_SPOT with weight 1. */
  public record CapacityProvider(String capacityProvider, Integer weight, Integer base) {}

  /**
   * How fast a fan-out calls RunTask: a token bucket of {@code burst} calls refilled at {@code
   * perSecond}. Defaults are Fargate's documented RunTask limits (20/s sustained, burst 100, per
   * account and Region); lower them when other tools share the account's bucket.
   */
  public record LaunchPacing(int perSecond, int burst) {
    public static final LaunchPacing FARGATE_DEFAULT = new LaunchPacing(20, 100);
  }

  /** Where the local platform finds the runnable tasks jar, relative to the project root. */
  public record Local(String tasksJar, String jvmOptions) {}

  static final java.util.Set<String> KEYS =
      java.util.Set.of(
          "platform",
          "region",
          "accountId",
          "cluster",
          "containerName",
          "network",
          "launchType",
          "capacityProviderStrategy",
          "confirm",
          "local",
          "launchPacing");

  /** Reads environment.json; unknown keys are errors. */
  public static EnvironmentConfig read(JsonReader r) {
    if (r.object("logs") != null) {
      throw r.moved(
          "logs",
          "put the container's logConfiguration (awslogs) in task-definition.json,"
              + " which is registered as written");
    }
    r.onlyKeys(KEYS);
    JsonReader net = r.object("network");
    Network network =
        net == null
            ? null
            : new Network(
                net.onlyKeys(java.util.Set.of("subnets", "securityGroups", "assignPublicIp"))
                    .texts("subnets"),
                net.texts("securityGroups"),
                net.bool("assignPublicIp"));
    List<JsonReader> strategy = r.objects("capacityProviderStrategy");
    List<CapacityProvider> providers =
        strategy == null
            ? null
            : strategy.stream()
                .map(
                    p ->
                        new CapacityProvider(
                            p.onlyKeys(java.util.Set.of("capacityProvider", "weight", "base"))
                                .text("capacityProvider"),
                            p.integer("weight"),
                            p.integer("base")))
                .toList();
    JsonReader local = r.object("local");
    JsonReader pacing = r.object("launchPacing");
    LaunchPacing launchPacing = null;
    if (pacing != null) {
      pacing.onlyKeys(java.util.Set.of("perSecond", "burst"));
      launchPacing =
          new LaunchPacing(
              pacing.positiveInteger("perSecond", LaunchPacing.FARGATE_DEFAULT.perSecond()),
              pacing.positiveInteger("burst", LaunchPacing.FARGATE_DEFAULT.burst()));
    }
    return new EnvironmentConfig(
        r.text("platform"),
        r.text("region"),
        r.text("accountId"),
        r.text("cluster"),
        r.text("containerName"),
        network,
        r.text("launchType"),
        providers,
        r.bool("confirm"),
        local == null
            ? null
            : new Local(
                local.onlyKeys(java.util.Set.of("tasksJar", "jvmOptions")).text("tasksJar"),
                local.text("jvmOptions")),
        launchPacing);
  }

  public LaunchPacing launchPacingOrDefault() {
    return launchPacing != null ? launchPacing : LaunchPacing.FARGATE_DEFAULT;
  }

  public boolean runsLocally() {
    return "local".equals(platform);
  }

  public Local localOrDefault() {
    return local != null ? local : new Local("tasks/target/tasks.jar", "tasks/target/jvm.options");
  }

  /** Project root: the directory that holds task-definitions/. */
  public static Path projectRoot(Path configDir) {
    Path parent = configDir.toAbsolutePath().normalize().getParent();
    return parent == null ? configDir : parent;
  }
}
