package dev.runtask.runtime.db;

import picocli.CommandLine.Option;

/**
 * The standard {@code --dry-run} option of database tasks, as a picocli mixin:
 * {@code @Mixin DryRun dryRun;}. When set, the runtime runs the whole task inside one outer
 * transaction that is rolled back at the end, and logs a summary of what would have changed.
 */
public final class DryRun {
  @Option(
      names = "--dry-run",
      description = "Run everything in one transaction that is rolled back at the end, and log"
          + " what would have changed")
  boolean enabled;

  public boolean enabled() {
    return enabled;
  }
}
