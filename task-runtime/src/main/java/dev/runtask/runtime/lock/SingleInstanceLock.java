package dev.runtask.runtime.lock;

import dev.runtask.runtime.db.DatabaseSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes sure only one run of a single-instance task is active anywhere. The lock is tied to the
 * holder's process, so it frees itself when that process dies: a PostgreSQL session advisory lock
 * (the session ends with the process), or, for the embedded H2 default, an OS file lock.
 */
public interface SingleInstanceLock {

  /** A held lock; closing releases it. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /** Takes the lock for {@code taskName}, or returns empty when another run holds it. */
  Optional<Held> tryAcquire(String taskName);

  /**
   * The lock that fits the database: advisory lock on PostgreSQL; otherwise a file lock under
   * {@code localDir/locks} for the embedded default, or under the temp directory for another H2 URL
   * (processes on one machine share both).
   */
  static SingleInstanceLock forDatabase(DatabaseSettings settings, Path localDir) {
    if (settings.isPostgres()) {
      return new PostgresAdvisoryLock(settings);
    }
    return new FileSingleInstanceLock(fileLockDirectory(settings, localDir), false);
  }

  /**
   * The same kind of lock, held by a run for as long as it lives (name {@code run:RUN_ID}): a free
   * one for a run whose record is still open means its process is gone. Lock files of runs are
   * deleted on release, as every run has its own.
   */
  static SingleInstanceLock forRuns(DatabaseSettings settings, Path localDir) {
    if (settings.isPostgres()) {
      return new PostgresAdvisoryLock(settings);
    }
    return new FileSingleInstanceLock(fileLockDirectory(settings, localDir).resolve("runs"), true);
  }

  private static Path fileLockDirectory(DatabaseSettings settings, Path localDir) {
    return settings.isEmbeddedDefault()
        ? localDir.resolve("locks")
        : Path.of(System.getProperty("java.io.tmpdir"), "runtask-locks");
  }
}
