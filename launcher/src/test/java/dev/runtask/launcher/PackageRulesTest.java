package dev.runtask.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's package rules (docs/launcher.md): each package uses only the ones listed, so no
 * cycles.
 */
class PackageRulesTest {
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "cli",
              Set.of(
                  "config", "ecs", "explain", "io", "manifest", "platform", "render", "scaffold"),
          "platform", Set.of("config", "ecs", "explain", "io", "manifest", "render"),
          "ecs", Set.of("config", "explain", "io", "render"),
          "render", Set.of("config", "explain", "manifest"),
          "config", Set.of("explain", "manifest"),
          "manifest", Set.of("explain"),
          "explain", Set.of(),
          "io", Set.of(),
          "aws", Set.of());
  private static final Pattern IMPORT =
      Pattern.compile(
          "^import (?:static )?dev\\.runtask\\.launcher\\.(\\w+)\\.", Pattern.MULTILINE);

  @Test
  void imports_everyPackage_usesOnlyAllowedPackages() throws IOException {
    Path root = Path.of("src/main/java/dev/runtask/launcher");
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        Path relative = root.relativize(file);
        if (relative.getNameCount() < 2 || !ALLOWED.containsKey(relative.getName(0).toString())) {
          continue;
        }
        String pkg = relative.getName(0).toString();
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          if (!m.group(1).equals(pkg) && !ALLOWED.get(pkg).contains(m.group(1))) {
            violations.add(relative + " uses " + m.group(1));
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }
}
