package dev.runtask.runtime.tcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtask.runtime.db.PooledDatabase;
import dev.runtask.runtime.db.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TccCoordinatorTest {
  static final PendingRows PROBE = new PendingRows("tcc_probe", "attempt_id", "status");

  @TempDir Path dir;
  final String taskName = "tcc-test-" + UUID.randomUUID();

  static PooledDatabase db() {
    return TestDatabases.postgres();
  }

  @BeforeAll
  static void createProbeTable() throws SQLException {
    try (Connection c = db().dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "create table if not exists tcc_probe (id varchar(64) primary key,"
              + " attempt_id varchar(64) not null, status varchar(16) not null)");
    }
  }

  @AfterEach
  void deleteTheAttempts() throws SQLException {
    TestDatabases.deleteCommitted(null, taskName);
  }

  TccCoordinator coordinator(ObjectStore store, String runId) {
    return new TccCoordinator(
        db().transactions(),
        db().connections(),
        store,
        taskName,
        runId,
        Clock.systemUTC(),
        List.of(PROBE));
  }

  static void insertPendingRow(String id, Reservation r) throws SQLException {
    db().transactions()
        .runInTransaction(
            () -> {
              try (Connection c = db().connections().current();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "insert into tcc_probe (id, attempt_id, status) values (?, ?, 'PENDING')")) {
                ps.setString(1, id);
                ps.setString(2, r.attemptId());
                ps.executeUpdate();
              }
            });
  }

  static Optional<String> status(String id) throws SQLException {
    try (Connection c = db().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("select status from tcc_probe where id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  List<Path> files() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(dir::relativize).toList();
    }
  }

  @Test
  void execute_trySucceeds_objectAtFinalKeyAndRowConfirmed() throws Exception {
    ObjectStore store = new LocalDirectoryObjectStore(dir);
    String row = UUID.randomUUID().toString();

    String result =
        coordinator(store, "run-1")
            .execute(
                r -> {
                  insertPendingRow(row, r);
                  r.putObject("reports/r1.csv", "a,b\n".getBytes(StandardCharsets.UTF_8));
                  return "ok";
                });

    assertThat(result).isEqualTo("ok");
    assertThat(status(row)).contains("CONFIRMED");
    assertThat(files()).containsExactly(Path.of("reports/r1.csv"));
  }

  @Test
  void execute_tryFails_objectsDeletedRowCancelledOriginalErrorRethrown() throws Exception {
    ObjectStore store = new LocalDirectoryObjectStore(dir);
    String row = UUID.randomUUID().toString();
    IllegalStateException boom = new IllegalStateException("report rendering failed");

    assertThatThrownBy(
            () ->
                coordinator(store, "run-1")
                    .execute(
                        r -> {
                          insertPendingRow(row, r);
                          r.putObject("reports/r1.csv", "a,b\n".getBytes(StandardCharsets.UTF_8));
                          throw boom;
                        }))
        .isSameAs(boom);

    assertThat(status(row)).contains("CANCELLED");
    assertThat(files()).isEmpty();
  }

  @Test
  void cancelAbandoned_pendingAttemptOfCrashedRun_cancelledByNextRun() throws Exception {
    LocalDirectoryObjectStore real = new LocalDirectoryObjectStore(dir);
    ObjectStore crashesBeforeCleanup = CrashingStore.afterTry(real);
    String row = UUID.randomUUID().toString();
    assertThatThrownBy(
            () ->
                coordinator(crashesBeforeCleanup, "crashed-run")
                    .execute(
                        r -> {
                          insertPendingRow(row, r);
                          r.putObject("reports/r1.csv", "a,b\n".getBytes(StandardCharsets.UTF_8));
                          throw new IllegalStateException("process dies here");
                        }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(status(row)).contains("PENDING");
    assertThat(files()).hasSize(1);

    int cancelled = coordinator(real, "next-run").cancelAbandoned();

    assertThat(cancelled).isEqualTo(1);
    assertThat(status(row)).contains("CANCELLED");
    assertThat(files()).isEmpty();
  }
}
