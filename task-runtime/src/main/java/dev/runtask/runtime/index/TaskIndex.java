package dev.runtask.runtime.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tasks known to this build, read from the index the annotation processor wrote at compile
 * time.
 */
public final class TaskIndex {
  /** Where {@link TaskIndexProcessor} writes the index inside the class output. */
  public static final String RESOURCE = "META-INF/runtask/tasks.index";

  private final Map<String, TaskEntry> byName;

  private TaskIndex(Map<String, TaskEntry> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /**
   * Reads every index on the class path of {@code loader} (one per compiled module), or the one
   * compiled into the packaged jar that is the whole class path ({@link CompiledIndex}).
   */
  public static TaskIndex load(ClassLoader loader) {
    Map<String, TaskEntry> byName = new TreeMap<>();
    Optional<List<String>> compiled = CompiledIndex.lines(loader);
    if (compiled.isPresent()) {
      for (TaskEntry entry : TaskEntry.parse(compiled.get())) {
        byName.put(entry.name(), entry);
      }
      return new TaskIndex(byName);
    }
    try {
      Enumeration<URL> resources = loader.getResources(RESOURCE);
      while (resources.hasMoreElements()) {
        URL url = resources.nextElement();
        for (TaskEntry entry : read(url)) {
          TaskEntry previous = byName.putIfAbsent(entry.name(), entry);
          if (previous != null && !previous.className().equals(entry.className())) {
            throw new IllegalStateException(
                "Task name '"
                    + entry.name()
                    + "' is used by both "
                    + previous.className()
                    + " and "
                    + entry.className());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the task index " + RESOURCE, e);
    }
    return new TaskIndex(byName);
  }

  /**
   * Fails when the index compiled into a build's class directory is older than the resource beside
   * it ({@link CompiledIndex#staleness}); the build's manifest step calls it.
   */
  public static void requireCompiledIndexCurrent(ClassLoader loader) throws IOException {
    Optional<String> stale = CompiledIndex.staleness(loader);
    if (stale.isPresent()) {
      throw new IllegalStateException(stale.get());
    }
  }

  public Optional<TaskEntry> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** All tasks, sorted by name. */
  public List<TaskEntry> entries() {
    return List.copyOf(byName.values());
  }

  private static List<TaskEntry> read(URL url) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
      }
    }
    return TaskEntry.parse(lines);
  }

  /**
   * Writes {@code entries} in the form {@link #load} reads (used by {@link TaskIndexProcessor}).
   */
  static void write(Iterable<TaskEntry> entries, Writer writer) throws IOException {
    for (String line : lines(entries)) {
      writer.write(line);
      writer.write('\n');
    }
  }

  static List<String> lines(Iterable<TaskEntry> entries) {
    List<String> lines = new ArrayList<>();
    for (TaskEntry entry : entries) {
      lines.addAll(entry.toIndexLines());
    }
    return lines;
  }
}
