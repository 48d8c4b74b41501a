package dev.runtask.runtime.testtasks;

import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.api.Task;
import dev.runtask.runtime.api.TaskContext;
import dev.runtask.runtime.db.Database;
import dev.runtask.runtime.db.PooledDatabase;

/** Test task that tries to get from its database to the pool: exit 0 when it cannot. */
@Task(name = "reaches-for-the-pool", description = "Test task that casts its database")
public final class ReachesForThePool implements RunnableTask {
  @Override
  public int run(TaskContext context) {
    Database database = context.database();
    return database instanceof PooledDatabase ? 4 : 0;
  }
}
