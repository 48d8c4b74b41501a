package dev.runtask.runtime.tcc;

import static dev.runtask.runtime.tcc.TccCoordinatorTest.insertPendingRow;
import static dev.runtask.runtime.tcc.TccCoordinatorTest.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtask.runtime.db.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing confirmed is ever deleted or replaced, whatever a later attempt does (issue 9, case 4).
 */
class TccConfirmedObjectsTest {
  static final String KEY = "reports/daily.csv";

  @TempDir Path dir;
  final String taskName = "tcc-confirmed-" + UUID.randomUUID();

  @BeforeAll
  static void createProbeTable() throws Exception {
    TccCoordinatorTest.createProbeTable();
  }

  @AfterEach
  void deleteTheAttempts() throws SQLException {
    TestDatabases.deleteCommitted(null, taskName);
  }

  TccCoordinator coordinator(ObjectStore store, String runId) {
    var db = TestDatabases.postgres();
    return new TccCoordinator(
        db.transactions(),
        db.connections(),
        store,
        taskName,
        runId,
        Clock.systemUTC(),
        List.of(TccCoordinatorTest.PROBE));
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  String finalObject() throws Exception {
    return Files.readString(dir.resolve(KEY));
  }

  String confirmFirstVersion(ObjectStore store) throws Exception {
    String row = UUID.randomUUID().toString();
    coordinator(store, "run-1")
        .execute(
            r -> {
              insertPendingRow(row, r);
              r.putObject(KEY, bytes("confirmed by run 1\n"));
              return null;
            });
    return row;
  }

  @Test
  void laterAttempt_sameFinalKeyAsConfirmedOne_refusedAndConfirmedObjectKept() throws Exception {
    LocalDirectoryObjectStore store = new LocalDirectoryObjectStore(dir);
    String confirmedRow = confirmFirstVersion(store);
    String laterRow = UUID.randomUUID().toString();

    assertThatThrownBy(
            () ->
                coordinator(store, "run-2")
                    .execute(
                        r -> {
                          insertPendingRow(laterRow, r);
                          r.putObject(KEY, bytes("run 2 would overwrite\n"));
                          return null;
                        }))
        .isInstanceOf(TccConflictException.class)
        .hasMessageContaining("belongs to the CONFIRMED TCC attempt")
        .hasMessageContaining("never replaces or deletes a confirmed object");

    assertThat(finalObject()).isEqualTo("confirmed by run 1\n");
    assertThat(status(confirmedRow)).contains("CONFIRMED");
    assertThat(status(laterRow)).contains("CANCELLED");
  }

  @Test
  void laterAttemptCrashes_afterCopyingOverItsOwnKey_nextRunDeletesOnlyItsOwnCopy()
      throws Exception {
    LocalDirectoryObjectStore store = new LocalDirectoryObjectStore(dir);
    confirmFirstVersion(store);
    String crashedRow = UUID.randomUUID().toString();
    assertThatThrownBy(
            () ->
                coordinator(CrashingStore.afterFirstCopy(store), "crashed-run")
                    .execute(
                        r -> {
                          insertPendingRow(crashedRow, r);
                          r.putObject("reports/weekly.csv", bytes("unconfirmed\n"));
                          return null;
                        }))
        .hasMessageContaining("process died right after copying reports/weekly.csv");
    assertThat(dir.resolve("reports/weekly.csv")).exists();

    assertThat(coordinator(store, "next-run").cancelAbandoned()).isEqualTo(1);

    assertThat(dir.resolve("reports/weekly.csv")).doesNotExist();
    assertThat(finalObject()).isEqualTo("confirmed by run 1\n");
    assertThat(status(crashedRow)).contains("CANCELLED");
  }

  @Test
  void attempt_finalKeyHoldsAnObjectNoAttemptWrote_refusedAndObjectUntouched() throws Exception {
    LocalDirectoryObjectStore store = new LocalDirectoryObjectStore(dir);
    store.put(KEY, bytes("uploaded by hand\n"));

    assertThatThrownBy(
            () ->
                coordinator(store, "run-1")
                    .execute(
                        r -> {
                          r.putObject(KEY, bytes("tcc\n"));
                          return null;
                        }))
        .isInstanceOf(TccConflictException.class)
        .hasMessageContaining("already exists and no TCC attempt owns it");

    assertThat(finalObject()).isEqualTo("uploaded by hand\n");
  }

  @Test
  void cancelledAttempt_releasesItsKey_nextAttemptWithTheSameKeySucceeds() throws Exception {
    LocalDirectoryObjectStore store = new LocalDirectoryObjectStore(dir);
    assertThatThrownBy(
            () ->
                coordinator(store, "run-1")
                    .execute(
                        r -> {
                          r.putObject(KEY, bytes("first try\n"));
                          throw new IllegalStateException("rendering failed");
                        }))
        .hasMessage("rendering failed");

    coordinator(store, "run-2")
        .execute(
            r -> {
              r.putObject(KEY, bytes("second try\n"));
              return null;
            });

    assertThat(finalObject()).isEqualTo("second try\n");
  }
}
