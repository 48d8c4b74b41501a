package dev.runtask.launcher.cli;

import dev.runtask.launcher.config.ConfigDirectory;
import dev.runtask.launcher.io.Host;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The environments in the task-definitions/ directory the launcher would use from here: -e's
 * completion candidates, shown in its help. Listed only when help is rendered.
 */
public final class EnvironmentNames implements Iterable<String> {
  private final Map<String, String> env;
  private final Path workDir;

  /** The environments found from {@code host}'s working directory (what Main's factory makes). */
  public EnvironmentNames(Host host) {
    this.env = host.env();
    this.workDir = host.workDir();
  }

  /** The environments found from the JVM's working directory (picocli without Main's factory). */
  public EnvironmentNames() {
    this.env = System.getenv();
    this.workDir = Path.of("").toAbsolutePath();
  }

  @Override
  public Iterator<String> iterator() {
    List<String> names;
    try {
      names = ConfigDirectory.locate(null, env, workDir).environments();
    } catch (RuntimeException e) {
      // Help must still print without a project; the line then says where to look.
      names = List.of();
    }
    return (names.isEmpty() ? List.of("none found from " + workDir) : names).iterator();
  }
}
