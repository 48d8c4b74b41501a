package dev.runtask.runtime.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.TaskRuntime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A task gets the transaction port and the provider, never the pool behind them. */
class TaskDatabaseViewTest {
  @Test
  void taskContextDatabase_castToThePoolOwningClass_impossible() {
    String url =
        "jdbc:h2:mem:view-"
            + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    int exit =
        TaskRuntime.builder()
            .env(Map.of("RUNTASK_DB_URL", url, "RUNTASK_DB_USER", "sa"))
            .build()
            .execute("reaches-for-the-pool");

    assertThat(exit).isZero();
  }
}
