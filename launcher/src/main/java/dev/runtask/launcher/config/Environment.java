package dev.runtask.launcher.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Objects;

/** A loaded environment: its name, its settings and its (template-rendered) task definition. */
public record Environment(
    String name, Path dir, EnvironmentConfig config, ObjectNode taskDefinition) {
  public Environment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(config, "config of environment " + name);
    taskDefinition =
        Objects.requireNonNull(taskDefinition, "taskDefinition of environment " + name).deepCopy();
  }
}
