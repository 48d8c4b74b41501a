package dev.runtask.runtime.tcc;

import dev.runtask.runtime.db.ConnectionProvider;
import dev.runtask.runtime.tx.Transactions;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Try / confirm / cancel for work spanning the database and an object store (seed 002). The try
 * phase reserves: rows in a PENDING state, objects under a pending key. Full success confirms
 * (objects copied to their final keys, rows CONFIRMED); any failure cancels (objects deleted, rows
 * CANCELLED). Attempts left PENDING by a crashed run of the same task are cancelled by the next
 * run's {@link #cancelAbandoned()}; that is only safe when runs of the task do not overlap, so TCC
 * tasks should be single-instance.
 */
public final class TccCoordinator {
  private static final Logger log = LoggerFactory.getLogger(TccCoordinator.class);

  private final Transactions transactions;
  private final ConnectionProvider connections;
  private final ObjectStore store;
  private final String taskName;
  private final String runId;
  private final Clock clock;
  private final List<PendingRows> participants;

  public TccCoordinator(
      Transactions transactions,
      ConnectionProvider connections,
      ObjectStore store,
      String taskName,
      String runId,
      Clock clock,
      List<PendingRows> participants) {
    this.transactions = transactions;
    this.connections = connections;
    this.store = store;
    this.taskName = taskName;
    this.runId = runId;
    this.clock = clock;
    this.participants = List.copyOf(participants);
  }

  /** The try phase: reserve everything, or throw. */
  @FunctionalInterface
  public interface TryPhase<T> {
    T reserve(Reservation reservation) throws Exception;
  }

  /** Runs the try phase, then confirms; on any failure cancels and rethrows the original error. */
  public <T> T execute(TryPhase<T> tryPhase) throws Exception {
    String attemptId = UUID.randomUUID().toString();
    transactions.runInTransaction(
        () ->
            update(
                "insert into runtask_tcc_attempt (attempt_id, task_name, run_id, status, created_at)"
                    + " values (?, ?, ?, 'PENDING', ?)",
                attemptId,
                taskName,
                runId,
                Timestamp.from(clock.instant())));
    T result;
    try {
      result = tryPhase.reserve(new PendingReservation(attemptId));
      confirm(attemptId);
    } catch (Exception | Error failure) {
      try {
        cancel(attemptId);
      } catch (Exception cancelFailure) {
        failure.addSuppressed(cancelFailure);
      }
      throw failure;
    }
    return result;
  }

  /** Cancels attempts of this task left PENDING by earlier (crashed) runs; returns how many. */
  public int cancelAbandoned() throws IOException {
    List<String> abandoned =
        connections.withConnection(
            c -> {
              List<String> ids = new ArrayList<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "select attempt_id from runtask_tcc_attempt"
                          + " where task_name = ? and status = 'PENDING' and run_id <> ? order by created_at")) {
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
    for (String attemptId : abandoned) {
      log.warn(
          "Cancelling TCC attempt {} of {} left pending by an earlier run", attemptId, taskName);
      cancel(attemptId);
    }
    return abandoned.size();
  }

  private void confirm(String attemptId) throws IOException {
    List<String[]> objects = objects(attemptId);
    for (String[] o : objects) {
      store.copy(o[1], o[0]);
    }
    finish(attemptId, "CONFIRMED");
    deletePending(objects, false);
  }

  private void cancel(String attemptId) throws IOException {
    List<String[]> objects = objects(attemptId);
    deletePending(objects, true);
    finish(attemptId, "CANCELLED");
  }

  private void finish(String attemptId, String status) {
    transactions.runInTransaction(
        () -> {
          for (PendingRows rows : participants) {
            update(rows.updateSql(), status, attemptId);
          }
          update(
              "update runtask_tcc_attempt set status = ?, finished_at = ? where attempt_id = ?",
              status,
              Timestamp.from(clock.instant()),
              attemptId);
        });
  }

  private void deletePending(List<String[]> objects, boolean alsoFinal) throws IOException {
    for (String[] o : objects) {
      store.delete(o[1]);
      if (alsoFinal) {
        store.delete(o[0]);
      }
    }
  }

  /** {finalKey, pendingKey} pairs of an attempt. */
  private List<String[]> objects(String attemptId) {
    return connections.withConnection(
        c -> {
          List<String[]> objects = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select final_key, pending_key from runtask_tcc_object where attempt_id = ?")) {
            ps.setString(1, attemptId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                objects.add(new String[] {rs.getString(1), rs.getString(2)});
              }
            }
          }
          return objects;
        });
  }

  private void update(String sql, Object... params) {
    connections.withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
              ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
          }
        });
  }

  private final class PendingReservation implements Reservation {
    private final String attemptId;

    PendingReservation(String attemptId) {
      this.attemptId = attemptId;
    }

    @Override
    public String attemptId() {
      return attemptId;
    }

    @Override
    public void putObject(String finalKey, byte[] content) throws IOException {
      String pendingKey = "pending/" + attemptId + "/" + finalKey;
      transactions.runInTransaction(
          () ->
              update(
                  "insert into runtask_tcc_object (attempt_id, final_key, pending_key) values (?, ?, ?)",
                  attemptId,
                  finalKey,
                  pendingKey));
      store.put(pendingKey, content);
    }
  }
}
