package dev.runtask.launcher.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.launcher.explain.LauncherException;
import dev.runtask.launcher.manifest.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The task-definitions/ directory: finds it, lists environments and loads one with its templates rendered. */
public final class ConfigDirectory {
    public static final String DIR_NAME = "task-definitions";
    private final Path root;

    public ConfigDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** An explicit --config-dir, else $RUNTASK_CONFIG_DIR, else task-definitions/ here or in a parent. */
    public static ConfigDirectory locate(Path explicit, Map<String, String> env, Path workDir) {
        if (explicit != null) {
            return existing(workDir.resolve(explicit), "--config-dir");
        }
        String fromEnv = env.get("RUNTASK_CONFIG_DIR");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return existing(workDir.resolve(fromEnv), "RUNTASK_CONFIG_DIR");
        }
        for (Path dir = workDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(DIR_NAME))) {
                return new ConfigDirectory(dir.resolve(DIR_NAME));
            }
        }
        throw LauncherException.badInput("no " + DIR_NAME + "/ directory here or in a parent of " + workDir
                + " (run from the project, or pass --config-dir)");
    }

    private static ConfigDirectory existing(Path dir, String source) {
        if (!Files.isDirectory(dir)) {
            throw LauncherException.badInput(source + ": " + dir + " is not a directory");
        }
        return new ConfigDirectory(dir);
    }

    public Path root() {
        return root;
    }

    public List<String> environments() {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("environment.json")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw LauncherException.badInput(root + ": cannot list environments: " + e.getMessage());
        }
    }

    /** Loads {@code <env>/environment.json} and {@code <env>/task-definition.json}, templates rendered. */
    public Environment load(String name, Templates templates) {
        List<String> known = environments();
        if (!known.contains(name)) {
            throw LauncherException.badInput("unknown environment \"" + name + "\"" + Suggestions.didYouMean(name, known)
                    + " (known: " + String.join(", ", known) + ")");
        }
        Path dir = root.resolve(name);
        EnvironmentConfig config = bind(dir.resolve("environment.json"), EnvironmentConfig.class, templates);
        new EnvironmentValidator(display(dir.resolve("environment.json"))).validate(config);
        Path definitionFile = dir.resolve("task-definition.json");
        ObjectNode definition = (ObjectNode) templates.render(JsonFiles.read(definitionFile, root.getParent()),
                display(definitionFile));
        return new Environment(name, dir, config, definition);
    }

    /** Loads {@code <env>/tasks/<task>.json} when it exists. */
    public TaskOverrides overrides(Environment environment, String task, Templates templates) {
        Path file = environment.dir().resolve("tasks").resolve(task + ".json");
        return Files.isRegularFile(file) ? bind(file, TaskOverrides.class, templates) : TaskOverrides.NONE;
    }

    public String display(Path file) {
        return JsonFiles.display(file, root.getParent());
    }

    private <T> T bind(Path file, Class<T> type, Templates templates) {
        String shown = display(file);
        JsonNode tree = templates.render(JsonFiles.read(file, root.getParent()), shown);
        ObjectReader reader = JsonFiles.MAPPER.readerFor(type)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return reader.readValue(tree);
        } catch (UnrecognizedPropertyException e) {
            List<String> knownKeys = e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            throw LauncherException.badInput(shown + ": unknown key \"" + e.getPropertyName() + "\""
                    + Suggestions.didYouMean(e.getPropertyName(), knownKeys) + " (known: " + String.join(", ", knownKeys) + ")");
        } catch (IOException e) {
            String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? m.getPathReference() : "";
            throw LauncherException.badInput(shown + ": " + path + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
