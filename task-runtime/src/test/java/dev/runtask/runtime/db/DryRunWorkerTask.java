package dev.runtask.runtime.db;

import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.api.Task;
import dev.runtask.runtime.api.TaskContext;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Mixin;

/** Test task: writes on its own thread, then hands more database work to a worker thread. */
@Task(name = "dry-run-worker", description = "Test task that uses the database from two threads")
public final class DryRunWorkerTask implements RunnableTask {
  @Mixin DryRun dryRun;

  @Override
  public int run(TaskContext context) throws Exception {
    Database db = context.database();
    db.transactions().runInTransaction(() -> insert(db, 1));
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      worker
          .submit(
              () -> {
                db.transactions().runInTransaction(() -> insert(db, 2));
                return null;
              })
          .get();
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    } finally {
      worker.shutdownNow();
    }
    return 0;
  }

  private static void insert(Database db, int id) throws Exception {
    try (Connection c = db.connections().current();
        Statement s = c.createStatement()) {
      s.executeUpdate("insert into dry_run_probe (id) values (" + id + ")");
    }
  }
}
