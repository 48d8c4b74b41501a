package dev.runtask.runtime.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.db.DatabaseSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default's single-instance lock is freed by the OS when its holder is killed. */
class FileLockProcessDeathTest {
  @TempDir Path localDir;

  @Test
  void fileLock_holderProcessKilled_lockFreeForTheNextRun() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process holder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                FileLockHolderMain.class.getName(),
                localDir.toString(),
                "import-sales")
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("held");
      SingleInstanceLock lock =
          SingleInstanceLock.forDatabase(
              DatabaseSettings.fromEnvironment(Map.of(), localDir), localDir);
      assertThat(lock.tryAcquire("import-sales")).as("while the holder lives").isEmpty();

      holder.destroyForcibly().waitFor();

      Optional<SingleInstanceLock.Held> next = lock.tryAcquire("import-sales");
      assertThat(next).as("after kill -9 of the holder").isPresent();
      next.get().close();
    } finally {
      holder.destroyForcibly();
    }
  }
}
