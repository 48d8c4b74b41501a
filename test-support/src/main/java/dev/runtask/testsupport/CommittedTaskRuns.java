package dev.runtask.testsupport;

import dev.runtask.contract.EnvironmentVariables;
import dev.runtask.testharness.TestDatabaseLocation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Task runs a test makes outside the rolled-back test transaction (in-process with its own
 * settings, or a child tasks.jar): they commit for real, so the test marks them (through {@code
 * RUNTASK_LAUNCHED_BY}) and deletes their execution records and TCC attempts afterwards, leaving
 * the database as it found it.
 */
public final class CommittedTaskRuns {
  private final String launchedBy = "test:" + UUID.randomUUID();

  /** The RUNTASK_DB_* variables of the test database plus the mark. */
  public Map<String, String> environment() {
    Map<String, String> env =
        new HashMap<>(TestDatabaseLocation.fromEnvironment().taskEnvironment());
    env.put(EnvironmentVariables.LAUNCHED_BY, launchedBy);
    return env;
  }

  /** Deletes what the marked runs recorded: TCC objects and attempts, execution records. */
  public void delete() throws SQLException {
    String runs = "select run_id from runtask_task_execution where launched_by = ?";
    String attempts = "select attempt_id from runtask_tcc_attempt where run_id in (" + runs + ")";
    try (Connection c = TestDatabase.get().dataSource().getConnection()) {
      for (String sql :
          new String[] {
            "delete from runtask_tcc_object where attempt_id in (" + attempts + ")",
            "delete from runtask_tcc_attempt where run_id in (" + runs + ")",
            "delete from runtask_task_execution where launched_by = ?"
          }) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, launchedBy);
          ps.executeUpdate();
        }
      }
    }
  }
}
