package dev.runtask.runtime.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.runtask.runtime.api.Shard;
import dev.runtask.runtime.db.DatabaseUrls;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes execution records ({@code runtask_task_execution}, cf. Spring Cloud Task's
 * TASK_EXECUTION). Uses its own autocommit connections, never the task's transaction, so a record
 * survives the task's rollback; and never throws: a failure to record is a warning, the task's own
 * result stands.
 */
public final class ExecutionRecords {
  private static final Logger log = LoggerFactory.getLogger(ExecutionRecords.class);
  private static final JsonFactory JSON = new JsonFactory();

  /** How the stop reason of an abandoned run begins. */
  public static final String ABANDONED = "abandoned";

  private final ConnectionSource dataSource;

  /** Where records get their connections: a pool, or one short-lived connection. */
  @FunctionalInterface
  public interface ConnectionSource {
    Connection getConnection() throws SQLException;
  }

  public ExecutionRecords(ConnectionSource connections) {
    this.dataSource = connections;
  }

  public ExecutionRecords(DataSource dataSource) {
    this(dataSource::getConnection);
  }

  /** Inserts the record of a started execution; false (and a warning) if it could not. */
  public boolean started(ExecutionStart start) {
    String sql =
        "insert into runtask_task_execution (run_id, task_name, arguments, started_at,"
            + " ecs_task_arn, launched_by, dry_run, shard_index, shard_count)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, start.runId());
      ps.setString(2, start.taskName());
      ps.setString(3, truncate(jsonArray(start.redactedArguments()), 4000));
      ps.setTimestamp(4, Timestamp.from(start.startedAt()));
      ps.setString(5, start.ecsTaskArn().orElse(null));
      ps.setString(6, start.launchedBy().map(s -> truncate(s, 300)).orElse(null));
      ps.setBoolean(7, start.dryRun());
      ps.setInt(8, start.shard().index());
      ps.setInt(9, start.shard().count());
      ps.executeUpdate();
      return true;
    } catch (SQLException | IOException | RuntimeException e) {
      log.warn(
          "Could not record the start of run {}: {}",
          start.runId(),
          DatabaseUrls.mask(e.getMessage()));
      return false;
    }
  }

  /**
   * Completes the record with end time, exit code, error summary and stop reason (each null when
   * none). Only an open record is completed: a record that was closed already (by the watchdog, or
   * marked abandoned) keeps what it says.
   */
  public boolean finished(
      String runId, Instant endedAt, int exitCode, String errorSummary, String stopReason) {
    String sql =
        "update runtask_task_execution set ended_at = ?, exit_code = ?, error_summary = ?,"
            + " stop_reason = ? where run_id = ? and ended_at is null";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(endedAt));
      ps.setInt(2, exitCode);
      ps.setString(3, errorSummary == null ? null : truncate(errorSummary, 1000));
      ps.setString(4, stopReason == null ? null : truncate(stopReason, 300));
      ps.setString(5, runId);
      return ps.executeUpdate() == 1;
    } catch (SQLException | RuntimeException e) {
      log.warn("Could not record the end of run {}: {}", runId, DatabaseUrls.mask(e.getMessage()));
      return false;
    }
  }

  /** A record still open: no end time yet. */
  public record OpenRun(String runId, String taskName) {}

  /** Every record still open (no end time), except {@code exceptRunId}'s, oldest first. */
  public List<OpenRun> open(String exceptRunId) throws SQLException {
    String sql =
        "select run_id, task_name from runtask_task_execution"
            + " where ended_at is null and run_id <> ? order by started_at";
    List<OpenRun> open = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, exceptRunId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          open.add(new OpenRun(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return open;
  }

  /**
   * Closes the record of a run whose process is gone without closing it (kill -9, a lost host): end
   * time now, no exit code (nobody saw one), stop reason {@code abandoned: …}.
   */
  public boolean abandoned(String runId, Instant noticedAt, String noticedBy) {
    String sql =
        "update runtask_task_execution set ended_at = ?, stop_reason = ?"
            + " where run_id = ? and ended_at is null";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(noticedAt));
      ps.setString(
          2,
          truncate(
              ABANDONED
                  + ": its process ended without closing the record (e.g. kill -9);"
                  + " noticed by run "
                  + noticedBy,
              300));
      ps.setString(3, runId);
      return ps.executeUpdate() == 1;
    } catch (SQLException | RuntimeException e) {
      log.warn("Could not mark run {} abandoned: {}", runId, DatabaseUrls.mask(e.getMessage()));
      return false;
    }
  }

  /** Reads a record back, e.g. for tests and operators' tooling. */
  public Optional<ExecutionRecord> find(String runId) throws SQLException {
    String sql =
        "select run_id, task_name, arguments, started_at, ended_at, exit_code,"
            + " error_summary, ecs_task_arn, launched_by, dry_run, stop_reason, shard_index,"
            + " shard_count"
            + " from runtask_task_execution"
            + " where run_id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        int exit = rs.getInt(6);
        Optional<Integer> exitCode = rs.wasNull() ? Optional.empty() : Optional.of(exit);
        return Optional.of(
            new ExecutionRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                Optional.ofNullable(rs.getTimestamp(5)).map(Timestamp::toInstant),
                exitCode,
                Optional.ofNullable(rs.getString(7)),
                Optional.ofNullable(rs.getString(8)),
                Optional.ofNullable(rs.getString(9)),
                rs.getBoolean(10),
                Optional.ofNullable(rs.getString(11)),
                new Shard(rs.getInt(12), rs.getInt(13))));
      }
    }
  }

  /** The arguments as a JSON array of strings (the column's format). */
  static String jsonArray(List<String> values) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartArray();
      for (String value : values) {
        json.writeString(value);
      }
      json.writeEndArray();
    }
    return out.toString();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
