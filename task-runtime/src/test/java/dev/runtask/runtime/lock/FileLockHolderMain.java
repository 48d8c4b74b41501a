package dev.runtask.runtime.lock;

import dev.runtask.runtime.db.DatabaseSettings;
import java.nio.file.Path;
import java.util.Map;

/** Child-process helper: takes the embedded default's lock for a task, says so, then waits. */
public final class FileLockHolderMain {
  private FileLockHolderMain() {}

  public static void main(String[] args) throws Exception {
    Path localDir = Path.of(args[0]);
    SingleInstanceLock lock =
        SingleInstanceLock.forDatabase(
            DatabaseSettings.fromEnvironment(Map.of(), localDir), localDir);
    if (lock.tryAcquire(args[1]).isEmpty()) {
      System.out.println("not acquired");
      System.exit(100);
    }
    System.out.println("held");
    System.out.flush();
    System.in.read();
  }
}
