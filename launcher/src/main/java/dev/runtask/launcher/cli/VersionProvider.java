package dev.runtask.launcher.cli;

import dev.runtask.launcher.config.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code launcher --version}: the commit it was built from, which is also the default image tag.
 */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String commit = BuildInfo.gitCommit();
    return new String[] {
      "launcher "
          + (commit == null
              ? "(built outside git)"
              : commit + (BuildInfo.dirty() ? " (dirty)" : ""))
    };
  }
}
