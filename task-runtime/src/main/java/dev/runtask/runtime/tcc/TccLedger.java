package dev.runtask.runtime.tcc;

import dev.runtask.runtime.db.ConnectionProvider;
import dev.runtask.runtime.tx.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The coordinator's own rows: attempts ({@code runtask_tcc_attempt}) and the objects they write
 * ({@code runtask_tcc_object}), with the claim that makes one live attempt the owner of a final
 * location. Nothing here is ever deleted: the attempt history stays queryable.
 */
final class TccLedger {
  /** One object of an attempt; {@code claimed} while this attempt owns its final location. */
  record PendingObject(String finalKey, String pendingKey, boolean claimed) {}

  /** The attempt that owns a final location. */
  record Owner(String attemptId, String status, String taskName, String runId) {}

  private final Transactions transactions;
  private final ConnectionProvider connections;
  private final Clock clock;

  TccLedger(Transactions transactions, ConnectionProvider connections, Clock clock) {
    this.transactions = transactions;
    this.connections = connections;
    this.clock = clock;
  }

  void begin(String attemptId, String taskName, String runId) {
    transactions.runInTransaction(
        () ->
            update(
                "insert into runtask_tcc_attempt (attempt_id, task_name, run_id, status, created_at)"
                    + " values (?, ?, ?, 'PENDING', ?)",
                attemptId,
                taskName,
                runId,
                now()));
  }

  Optional<Owner> ownerOf(String uri) {
    return connections.withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select a.attempt_id, a.status, a.task_name, a.run_id from runtask_tcc_object o"
                      + " join runtask_tcc_attempt a on a.attempt_id = o.attempt_id"
                      + " where o.claimed_uri = ?")) {
            ps.setString(1, uri);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new Owner(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                  : Optional.empty();
            }
          }
        });
  }

  /** Records the object and claims its final location; a unique violation if someone has it. */
  void claim(String attemptId, String finalKey, String pendingKey, String uri) {
    transactions.runInTransaction(
        () ->
            update(
                "insert into runtask_tcc_object (attempt_id, final_key, pending_key, claimed_uri)"
                    + " values (?, ?, ?, ?)",
                attemptId,
                finalKey,
                pendingKey,
                uri));
  }

  List<PendingObject> objects(String attemptId) {
    return connections.withConnection(
        c -> {
          List<PendingObject> objects = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select final_key, pending_key, claimed_uri from runtask_tcc_object"
                      + " where attempt_id = ? order by final_key")) {
            ps.setString(1, attemptId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                objects.add(
                    new PendingObject(rs.getString(1), rs.getString(2), rs.getString(3) != null));
              }
            }
          }
          return objects;
        });
  }

  Optional<String> status(String attemptId) {
    return connections.withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select status from runtask_tcc_attempt where attempt_id = ?")) {
            ps.setString(1, attemptId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /** Attempts of {@code taskName} left PENDING by runs other than {@code runId}, oldest first. */
  List<String> abandoned(String taskName, String runId) {
    return connections.withConnection(
        c -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select attempt_id from runtask_tcc_attempt where task_name = ?"
                      + " and status = 'PENDING' and run_id <> ? order by created_at")) {
            ps.setString(1, taskName);
            ps.setString(2, runId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getString(1));
              }
            }
          }
          return ids;
        });
  }

  /**
   * Moves a PENDING attempt and its participants' rows to {@code status} in one transaction; a
   * cancelled attempt gives up its claims, a confirmed one keeps them for good.
   */
  void finish(String attemptId, String status, List<PendingRows> participants) {
    transactions.runInTransaction(
        () -> {
          int attempts =
              update(
                  "update runtask_tcc_attempt set status = ?, finished_at = ?"
                      + " where attempt_id = ? and status = 'PENDING'",
                  status,
                  now(),
                  attemptId);
          if (attempts != 1) {
            throw new IllegalStateException(
                "TCC attempt " + attemptId + " is no longer PENDING; not marking it " + status);
          }
          for (PendingRows rows : participants) {
            update(rows.finishSql(status), status, attemptId);
          }
          if (status.equals("CANCELLED")) {
            update(
                "update runtask_tcc_object set claimed_uri = null where attempt_id = ?", attemptId);
          }
        });
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private int update(String sql, Object... params) {
    return connections.withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
              ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
          }
        });
  }
}
