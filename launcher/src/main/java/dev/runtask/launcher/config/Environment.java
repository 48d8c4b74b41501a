package dev.runtask.launcher.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/** A loaded environment: its name, its settings and its (template-rendered) task definition. */
public record Environment(
    String name, Path dir, EnvironmentConfig config, ObjectNode taskDefinition) {}
