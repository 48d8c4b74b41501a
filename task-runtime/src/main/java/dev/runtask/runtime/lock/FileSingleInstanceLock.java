package dev.runtask.runtime.lock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An OS file lock under {@code .local/locks/}, for the embedded default database which has no
 * advisory locks. The OS drops it when the holding process dies.
 */
final class FileSingleInstanceLock implements SingleInstanceLock {
  private final Path directory;
  private final boolean deleteOnRelease;

  FileSingleInstanceLock(Path directory, boolean deleteOnRelease) {
    this.directory = directory;
    this.deleteOnRelease = deleteOnRelease;
  }

  @Override
  public Optional<Held> tryAcquire(String taskName) {
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve(taskName.replace(':', '-') + ".lock");
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException heldInThisProcess) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      FileLock held = lock;
      return Optional.of(
          () -> {
            try {
              if (deleteOnRelease) {
                // Before releasing: whoever opens the name afterwards gets a new file.
                Files.deleteIfExists(file);
              }
              held.release();
              channel.close();
            } catch (IOException e) {
              // The lock dies with the channel or the process; nothing more to do.
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot take the single-instance lock file in " + directory, e);
    }
  }
}
