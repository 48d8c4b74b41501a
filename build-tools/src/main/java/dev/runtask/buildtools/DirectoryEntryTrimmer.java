package dev.runtask.buildtools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Build step: removes a jar's directory entries ({@code a/b/}) except under the given prefixes.
 * Loading classes and resource files never needs them, but the JVM reads each one at start-up like
 * any other entry. A resource directory that code looks up as such ({@code
 * ClassLoader.getResources("db/tasks")}, as Flyway's {@code classpath:} locations do) exists in a
 * jar only as its directory entry, so those prefixes keep theirs.
 *
 * <p>Usage: {@code DirectoryEntryTrimmer JAR KEEP_PREFIX...}.
 */
public final class DirectoryEntryTrimmer {
  private DirectoryEntryTrimmer() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: DirectoryEntryTrimmer JAR KEEP_PREFIX...");
    }
    Path jar = Path.of(args[0]);
    int removed = trim(jar, List.of(args).subList(1, args.length));
    System.out.println(
        "DirectoryEntryTrimmer: removed " + removed + " directory entries from " + jar);
  }

  /** Rewrites {@code jar} without the directory entries outside {@code keep}; returns how many. */
  static int trim(Path jar, List<String> keep) throws IOException {
    AtomicInteger removed = new AtomicInteger();
    JarRewrite.without(
        jar,
        name -> {
          boolean drop = name.endsWith("/") && keep.stream().noneMatch(name::startsWith);
          if (drop) {
            removed.incrementAndGet();
          }
          return drop;
        });
    return removed.get();
  }
}
