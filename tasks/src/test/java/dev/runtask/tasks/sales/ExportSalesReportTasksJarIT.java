package dev.runtask.tasks.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.tcc.ObjectStores;
import dev.runtask.testharness.MotoServer;
import dev.runtask.testharness.TestDatabaseLocation;
import dev.runtask.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * export-sales-report from the built tasks.jar against S3 on moto_server and the local PostgreSQL:
 * the shaded jar's AWS SDK works, and TCC leaves the report at its final key only.
 */
class ExportSalesReportTasksJarIT {
  static final String BUCKET = "runtask-it-reports";
  static MotoServer moto;
  static S3Client s3;

  @BeforeAll
  static void startMoto() throws Exception {
    moto = MotoServer.get();
    moto.reset();
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    s3 =
        ObjectStores.s3Client(
            Map.of(
                ObjectStores.S3_ENDPOINT, moto.endpoint().toString(), "AWS_REGION", "us-east-1"));
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterAll
  static void stopMoto() {
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void exportSalesReport_onS3_reportAtFinalKeyNothingPendingRowConfirmed() throws Exception {
    String reportId = "it-" + UUID.randomUUID();
    Path target = Path.of("target").toAbsolutePath();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "@" + target.resolve("jvm.options"),
                "-jar",
                target.resolve("tasks.jar").toString(),
                "export-sales-report",
                "--report-id",
                reportId)
            .redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.putAll(TestDatabaseLocation.fromEnvironment().taskEnvironment());
    env.put("RUNTASK_OBJECT_STORE", "s3://" + BUCKET + "/exports");
    env.put("RUNTASK_S3_ENDPOINT", moto.endpoint().toString());
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_REGION", "us-east-1");
    TestDatabase.get();
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(output).isZero();
    List<String> keys =
        s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("exports/")).contents().stream()
            .map(S3Object::key)
            .toList();
    assertThat(keys)
        .contains("exports/reports/sales-" + reportId + ".csv")
        .noneMatch(k -> k.startsWith("exports/pending/"));
    assertThat(
            s3.getObjectAsBytes(
                    b -> b.bucket(BUCKET).key("exports/reports/sales-" + reportId + ".csv"))
                .asUtf8String())
        .startsWith("day,sales,total\n");
    assertThat(new SalesReportRepository(TestDatabase.get().connections()).status(reportId))
        .contains("CONFIRMED");
  }
}
