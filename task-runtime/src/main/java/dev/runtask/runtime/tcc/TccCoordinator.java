package dev.runtask.runtime.tcc;

import dev.runtask.runtime.db.ConnectionProvider;
import dev.runtask.runtime.tx.DataAccessException;
import dev.runtask.runtime.tx.Transactions;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
 *
 * <p>Nothing confirmed is ever deleted or replaced: an attempt claims each final location when it
 * reserves it, which is refused while a confirmed or pending attempt owns it or an object is
 * already there; cancel deletes a final object only under this attempt's own claim.
 */
public final class TccCoordinator {
  private static final Logger log = LoggerFactory.getLogger(TccCoordinator.class);
  private static final String UNIQUE_VIOLATION = "23505";

  private final TccLedger ledger;
  private final ObjectStore store;
  private final String taskName;
  private final String runId;
  private final List<PendingRows> participants;

  public TccCoordinator(
      Transactions transactions,
      ConnectionProvider connections,
      ObjectStore store,
      String taskName,
      String runId,
      Clock clock,
      List<PendingRows> participants) {
    this.ledger = new TccLedger(transactions, connections, clock);
    this.store = store;
    this.taskName = taskName;
    this.runId = runId;
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
    ledger.begin(attemptId, taskName, runId);
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
    List<String> abandoned = ledger.abandoned(taskName, runId);
    for (String attemptId : abandoned) {
      log.warn(
          "Cancelling TCC attempt {} of {} left pending by an earlier run", attemptId, taskName);
      cancel(attemptId);
    }
    return abandoned.size();
  }

  private void confirm(String attemptId) throws IOException {
    List<TccLedger.PendingObject> objects = ledger.objects(attemptId);
    for (TccLedger.PendingObject o : objects) {
      store.copy(o.pendingKey(), o.finalKey());
    }
    ledger.finish(attemptId, "CONFIRMED", participants);
    for (TccLedger.PendingObject o : objects) {
      store.delete(o.pendingKey());
    }
  }

  /**
   * Deletes what this attempt wrote — its pending objects, and a final object only where this
   * attempt holds the claim (so it was the only writer since the location was free) — then marks it
   * CANCELLED. An attempt that is no longer PENDING (its confirm committed after all) is left.
   */
  private void cancel(String attemptId) throws IOException {
    Optional<String> status = ledger.status(attemptId);
    if (!status.equals(Optional.of("PENDING"))) {
      log.warn("Not cancelling TCC attempt {}: it is {}", attemptId, status.orElse("unknown"));
      return;
    }
    for (TccLedger.PendingObject o : ledger.objects(attemptId)) {
      store.delete(o.pendingKey());
      if (o.claimed()) {
        store.delete(o.finalKey());
      }
    }
    ledger.finish(attemptId, "CANCELLED", participants);
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
      String uri = store.uri(finalKey);
      refuseIfTaken(finalKey, uri);
      String pendingKey = "pending/" + attemptId + "/" + finalKey;
      try {
        ledger.claim(attemptId, finalKey, pendingKey, uri);
      } catch (DataAccessException e) {
        if (UNIQUE_VIOLATION.equals(e.sqlState())) {
          refuseIfTaken(finalKey, uri);
        }
        throw e;
      }
      store.put(pendingKey, content);
    }

    private void refuseIfTaken(String finalKey, String uri) throws IOException {
      Optional<TccLedger.Owner> owner = ledger.ownerOf(uri);
      if (owner.isPresent()) {
        TccLedger.Owner o = owner.get();
        throw new TccConflictException(
            uri
                + (o.attemptId().equals(attemptId)
                    ? " was already reserved by this attempt"
                    : " belongs to the "
                        + o.status()
                        + " TCC attempt "
                        + o.attemptId()
                        + " of "
                        + o.taskName()
                        + " (run "
                        + o.runId()
                        + ")")
                + "; TCC never replaces or deletes a confirmed object: write to a new key");
      }
      if (store.exists(finalKey)) {
        throw new TccConflictException(
            uri
                + " already exists and no TCC attempt owns it; TCC never replaces an object it did"
                + " not write: write to a new key or remove the object first");
      }
    }
  }
}
