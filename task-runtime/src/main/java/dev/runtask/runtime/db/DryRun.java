package dev.runtask.runtime.db;

import java.lang.reflect.Field;
import picocli.CommandLine.Option;

/**
 * The standard {@code --dry-run} option of database tasks, as a picocli mixin: {@code @Mixin DryRun
 * dryRun;}. When set, the runtime runs the whole task inside one outer transaction that is rolled
 * back at the end, and logs a summary of what would have changed.
 */
public final class DryRun {
  @Option(
      names = "--dry-run",
      description =
          "Run everything in one transaction that is rolled back at the end, and log"
              + " what would have changed")
  boolean enabled;

  public boolean enabled() {
    return enabled;
  }

  /** Whether {@code task} has a {@code DryRun} mixin field and {@code --dry-run} was given. */
  public static boolean requestedBy(Object task) {
    for (Class<?> type = task.getClass(); type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getType() == DryRun.class) {
          try {
            field.setAccessible(true);
            DryRun dryRun = (DryRun) field.get(task);
            return dryRun != null && dryRun.enabled;
          } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the --dry-run mixin of " + type, e);
          }
        }
      }
    }
    return false;
  }
}
