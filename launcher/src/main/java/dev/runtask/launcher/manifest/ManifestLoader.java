package dev.runtask.launcher.manifest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.runtask.launcher.explain.LauncherException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the task manifest bundled into launcher.jar at build time, so validation matches the tasks
 * of the same commit; falls back to tasks/target/classes when run from an unpackaged checkout.
 */
public final class ManifestLoader {
    public static final String RESOURCE = "META-INF/runtask/task-manifest.json";

    private ManifestLoader() {
    }

    public static TaskManifest load(Path projectRoot) {
        try (InputStream in = ManifestLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                return parse(in, "launcher.jar!/" + RESOURCE);
            }
        } catch (IOException e) {
            throw LauncherException.badInput(RESOURCE + ": cannot read: " + e.getMessage());
        }
        Path built = projectRoot.resolve("tasks/target/classes").resolve(RESOURCE);
        if (Files.isRegularFile(built)) {
            try (InputStream in = Files.newInputStream(built)) {
                return parse(in, built.toString());
            } catch (IOException e) {
                throw LauncherException.badInput(built + ": cannot read: " + e.getMessage());
            }
        }
        throw LauncherException.badInput("no task manifest: launcher.jar was built without " + RESOURCE
                + " and " + built + " does not exist (build the tasks module first)");
    }

    static TaskManifest parse(InputStream in, String source) throws IOException {
        try {
            return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, TaskManifest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw LauncherException.badInput(source + ": malformed task manifest: " + e.getOriginalMessage());
        }
    }
}
