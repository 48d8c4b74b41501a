package dev.runtask.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * launcher.jar as the build shaded it (failsafe runs after {@code package}, so the jar is there):
 * what it holds, and that it runs.
 */
class LauncherJarIT {
  private static final Path JAR = Path.of("target/launcher.jar");

  private static List<String> entries() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      return jar.stream().map(e -> e.getName()).toList();
    }
  }

  @Test
  void jar_httpClients_urlConnectionOnly() throws IOException {
    assertThat(entries())
        .anyMatch(n -> n.startsWith("software/amazon/awssdk/http/urlconnection/"))
        .noneMatch(
            n ->
                n.startsWith("software/amazon/awssdk/http/nio/netty/")
                    || n.startsWith("software/amazon/awssdk/http/apache/")
                    || n.startsWith("io/netty/")
                    || n.startsWith("org/apache/http/"));
  }

  @Test
  void jar_contractAndManifest_bundledButNotTheRuntime() throws IOException {
    assertThat(entries())
        .contains("dev/runtask/contract/ManifestJson.class", "META-INF/runtask/task-manifest.json")
        .noneMatch(n -> n.startsWith("dev/runtask/runtime/"));
  }

  @Test
  void jar_tasksCommand_listsTheBuildsTasks() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "tasks")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("hello-world").contains("--name <name>");
  }
}
