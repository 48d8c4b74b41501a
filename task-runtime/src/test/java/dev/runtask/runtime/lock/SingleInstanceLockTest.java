package dev.runtask.runtime.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.db.DatabaseSettings;
import dev.runtask.runtime.db.TestDatabases;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceLockTest {
  @TempDir Path localDir;
  final String task = "lock-test-" + UUID.randomUUID();

  void secondRunRefusedUntilFirstReleases(SingleInstanceLock lock) {
    Optional<SingleInstanceLock.Held> first = lock.tryAcquire(task);
    assertThat(first).isPresent();
    assertThat(lock.tryAcquire(task)).as("second run while the first holds the lock").isEmpty();
    assertThat(lock.tryAcquire(task + "-other"))
        .as("another task is not blocked")
        .hasValueSatisfying(SingleInstanceLock.Held::close);

    first.get().close();

    Optional<SingleInstanceLock.Held> third = lock.tryAcquire(task);
    assertThat(third).as("after the holder released").isPresent();
    third.get().close();
  }

  @Test
  void postgresAdvisoryLock_secondRun_refusedUntilHolderReleases() {
    DatabaseSettings pg = TestDatabases.postgres().settings();
    SingleInstanceLock lock = SingleInstanceLock.forDatabase(pg, localDir);

    assertThat(lock).isInstanceOf(PostgresAdvisoryLock.class);
    secondRunRefusedUntilFirstReleases(lock);
  }

  @Test
  void fileLock_embeddedDefault_secondRunRefusedUntilHolderReleases() {
    DatabaseSettings h2 = DatabaseSettings.fromEnvironment(java.util.Map.of(), localDir);
    SingleInstanceLock lock = SingleInstanceLock.forDatabase(h2, localDir);

    assertThat(lock).isInstanceOf(FileSingleInstanceLock.class);
    secondRunRefusedUntilFirstReleases(lock);
  }
}
