package dev.runtask.tasks.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.tcc.ObjectStores;
import dev.runtask.testharness.MotoServer;
import dev.runtask.testsupport.CommittedTaskRuns;
import dev.runtask.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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

  /** A finished run of the built tasks.jar: exit code and everything it printed. */
  record Run(int exitCode, String output) {}

  final CommittedTaskRuns runs = new CommittedTaskRuns();
  final List<String> reportIds = new ArrayList<>();

  @AfterEach
  void removeWhatTheRunsCommitted() throws SQLException {
    runs.delete();
    try (Connection c = TestDatabase.get().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("delete from sales_report where report_id = ?")) {
      for (String reportId : reportIds) {
        ps.setString(1, reportId);
        ps.executeUpdate();
      }
    }
  }

  Run export(String reportId, String s3Endpoint) throws Exception {
    reportIds.add(reportId);
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
    env.putAll(runs.environment());
    env.put("RUNTASK_OBJECT_STORE", "s3://" + BUCKET + "/exports");
    env.put("RUNTASK_S3_ENDPOINT", s3Endpoint);
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_REGION", "us-east-1");
    env.put("RUNTASK_LOG_FORMAT", "text");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), output);
  }

  static List<String> keys() {
    return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("exports/")).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  @Test
  void exportSalesReport_onS3_reportAtFinalKeyNothingPendingRowConfirmed() throws Exception {
    String reportId = "it-" + UUID.randomUUID();

    Run run = export(reportId, moto.endpoint().toString());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(keys())
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

  @Test
  void exportSalesReport_firstRunFailedOnS3_rerunWithTheSameIdSucceeds() throws Exception {
    String reportId = "it-rerun-" + UUID.randomUUID();

    Run failed = export(reportId, "http://127.0.0.1:1");
    Run rerun = export(reportId, moto.endpoint().toString());

    assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
    assertThat(rerun.exitCode()).as(rerun.output()).isZero();
    assertThat(keys()).contains("exports/reports/sales-" + reportId + ".csv");
    assertThat(new SalesReportRepository(TestDatabase.get().connections()).attempts(reportId))
        .extracting(SalesReportRepository.Attempt::status)
        .containsExactlyInAnyOrder("CANCELLED", "CONFIRMED");
  }

  @Test
  void exportSalesReport_sameIdAfterItWasConfirmed_exit2AndTheReportKept() throws Exception {
    String reportId = "it-again-" + UUID.randomUUID();
    assertThat(export(reportId, moto.endpoint().toString()).exitCode()).isZero();

    Run again = export(reportId, moto.endpoint().toString());

    assertThat(again.exitCode()).as(again.output()).isEqualTo(2);
    assertThat(again.output())
        .contains("report " + reportId + " was already exported to reports/sales-" + reportId)
        .contains("nothing was done");
    assertThat(new SalesReportRepository(TestDatabase.get().connections()).attempts(reportId))
        .singleElement()
        .extracting(SalesReportRepository.Attempt::status)
        .isEqualTo("CONFIRMED");
  }
}
