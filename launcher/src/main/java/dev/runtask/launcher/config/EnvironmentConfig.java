package dev.runtask.launcher.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
        Logs logs,
        boolean confirm,
        Local local) {

    /** awsvpc network settings for RunTask. */
    public record Network(List<String> subnets, List<String> securityGroups, boolean assignPublicIp) {
    }

    /** One entry of a capacity provider strategy, e.g. FARGATE_SPOT with weight 1. */
    public record CapacityProvider(String capacityProvider, Integer weight, Integer base) {
    }

    /** CloudWatch Logs settings filled into the container's awslogs configuration when it has none. */
    public record Logs(String group, String streamPrefix) {
    }

    /** Where the local platform finds the runnable tasks jar, relative to the project root. */
    public record Local(String tasksJar, String jvmOptions) {
    }

    @JsonIgnore
    public boolean runsLocally() {
        return "local".equals(platform);
    }

    @JsonIgnore
    public Local localOrDefault() {
        return local != null ? local : new Local("tasks/target/tasks.jar", "tasks/target/jvm.options");
    }

    /** Project root: the directory that holds task-definitions/. */
    public static Path projectRoot(Path configDir) {
        Path parent = configDir.toAbsolutePath().normalize().getParent();
        return parent == null ? configDir : parent;
    }
}
