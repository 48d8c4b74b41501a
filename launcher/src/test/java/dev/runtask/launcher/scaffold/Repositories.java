package dev.runtask.launcher.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Copies of this repository (never the real tree) for `launcher new` to write into, and snapshots
 * of them.
 */
final class Repositories {
  private static final Set<String> SKIPPED =
      Set.of("target", ".git", ".local", ".idea", "node_modules");

  private Repositories() {}

  /**
   * The checkout these tests run in: the nearest parent of the working directory with tasks/ and
   * task-definitions/.
   */
  static Path real() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("tasks/pom.xml"))
          && Files.isDirectory(dir.resolve("task-definitions"))) {
        return dir;
      }
    }
    throw new IllegalStateException("tests must run inside the repository");
  }

  /** What `launcher new` reads: the poms, the tasks' main sources and task-definitions/. */
  static Path minimalCopy(Path into) {
    Path real = real();
    copy(real.resolve("pom.xml"), into.resolve("pom.xml"));
    copy(real.resolve("tasks/pom.xml"), into.resolve("tasks/pom.xml"));
    copy(real.resolve("tasks/src/main/java"), into.resolve("tasks/src/main/java"));
    copy(real.resolve("task-definitions"), into.resolve("task-definitions"));
    return into;
  }

  /**
   * What {@code mvn -pl tasks -am verify} needs: every module of the parent pom (the launcher's pom
   * only) and task-definitions.
   */
  static Path buildableCopy(Path into) {
    Path real = real();
    copy(real.resolve("pom.xml"), into.resolve("pom.xml"));
    copy(real.resolve("task-definitions"), into.resolve("task-definitions"));
    Matcher module =
        Pattern.compile("<module>([^<]+)</module>").matcher(read(real.resolve("pom.xml")));
    while (module.find()) {
      String name = module.group(1);
      String path = name.equals("launcher") ? "launcher/pom.xml" : name;
      copy(real.resolve(path), into.resolve(path));
    }
    return into;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file and directory under {@code root} with its content ("/" for directories). */
  static Map<String, String> snapshot(Path root) {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        all.put(root.relativize(p).toString(), Files.isDirectory(p) ? "/" : Files.readString(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  private static void copy(Path source, Path target) {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path relative = source.relativize(p);
        if (skipped(relative)) {
          continue;
        }
        Path to = target.resolve(relative.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.createDirectories(to.getParent());
          Files.copy(p, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      if (SKIPPED.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }
}
