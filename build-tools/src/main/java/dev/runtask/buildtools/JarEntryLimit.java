package dev.runtask.buildtools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/**
 * Build gate: fails when a jar has more entries than its limit. The JVM reads a jar's whole central
 * directory before {@code main} (about 1.5 µs an entry, in the interpreter), so the entry count is
 * start-up time: a dependency that brings in thousands of classes should be a decision, not an
 * accident.
 *
 * <p>Usage: {@code JarEntryLimit JAR MAX_ENTRIES}.
 */
public final class JarEntryLimit {
  private JarEntryLimit() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: JarEntryLimit JAR MAX_ENTRIES");
    }
    Path jar = Path.of(args[0]);
    int limit = Integer.parseInt(args[1]);
    int entries = entries(jar);
    String problem = problem(jar, entries, limit);
    if (problem != null) {
      System.err.println(problem);
      System.exit(1);
    }
    System.out.println(
        "JarEntryLimit: " + jar + " has " + entries + " entries (limit " + limit + ")");
  }

  static int entries(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.size();
    }
  }

  /** What is wrong, or null when the jar is within its limit. */
  static String problem(Path jar, int entries, int limit) {
    if (entries <= limit) {
      return null;
    }
    return jar
        + " has "
        + entries
        + " entries, more than its limit of "
        + limit
        + ": every entry costs start-up time. Exclude what no run needs (the pom's shade filters)"
        + " or, if the new entries are needed, raise the limit where the pom sets it, saying why.";
  }
}
