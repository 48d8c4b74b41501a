package dev.runtask.runtime.tcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtask.runtime.db.PooledDatabase;
import dev.runtask.runtime.db.TestDatabases;
import dev.runtask.testharness.MotoServer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** TCC against S3 on moto_server. */
class S3TccTest {
  static MotoServer moto;
  static S3Client s3;
  static final String BUCKET = "runtask-reports";

  @BeforeAll
  static void startMoto() throws Exception {
    moto = MotoServer.get();
    moto.reset();
    Map<String, String> env =
        Map.of(ObjectStores.S3_ENDPOINT, moto.endpoint().toString(), "AWS_REGION", "us-east-1");
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    s3 = ObjectStores.s3Client(env);
    s3.createBucket(b -> b.bucket(BUCKET));
    TccCoordinatorTest.createProbeTable();
  }

  @AfterAll
  static void stopMoto() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  static List<String> keys(String prefix) {
    return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  final List<String> taskNames = new ArrayList<>();

  @AfterEach
  void deleteTheAttempts() throws SQLException {
    for (String taskName : taskNames) {
      TestDatabases.deleteCommitted(null, taskName);
    }
  }

  TccCoordinator coordinator(String prefix) {
    PooledDatabase db = TestDatabases.postgres();
    taskNames.add("s3-tcc-" + prefix);
    return new TccCoordinator(
        db.transactions(),
        db.connections(),
        new S3ObjectStore(s3, BUCKET, prefix),
        "s3-tcc-" + prefix,
        "run-1",
        Clock.systemUTC(),
        List.of(TccCoordinatorTest.PROBE));
  }

  @Test
  void execute_onS3_success_reportUnderFinalKeyOnly() throws Exception {
    String prefix = UUID.randomUUID().toString();

    coordinator(prefix)
        .execute(
            r -> {
              r.putObject("reports/daily.csv", "day,total\n".getBytes(StandardCharsets.UTF_8));
              return null;
            });

    assertThat(keys(prefix)).containsExactly(prefix + "/reports/daily.csv");
    assertThat(
            s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(prefix + "/reports/daily.csv"))
                .asUtf8String())
        .isEqualTo("day,total\n");
  }

  @Test
  void execute_onS3_failureAfterUpload_nothingLeftInBucket() throws Exception {
    String prefix = UUID.randomUUID().toString();
    String row = UUID.randomUUID().toString();

    assertThatThrownBy(
            () ->
                coordinator(prefix)
                    .execute(
                        r -> {
                          TccCoordinatorTest.insertPendingRow(row, r);
                          r.putObject(
                              "reports/daily.csv", "day,total\n".getBytes(StandardCharsets.UTF_8));
                          throw new IllegalStateException("later step failed");
                        }))
        .hasMessage("later step failed");

    assertThat(keys(prefix)).isEmpty();
    assertThat(TccCoordinatorTest.status(row)).contains("CANCELLED");
  }
}
