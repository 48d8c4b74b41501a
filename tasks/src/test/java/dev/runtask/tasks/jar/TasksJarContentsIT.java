package dev.runtask.tasks.jar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.tcc.ObjectStores;
import dev.runtask.testharness.MotoServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * tasks.jar as the build trimmed it (SdkJarTrimmer keeps only the SDK classes of
 * S3ObjectStore.SDK_CALLS): each of those calls still works through the jar, against moto_server.
 */
class TasksJarContentsIT {
  private static final Path TARGET = Path.of("target").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void jar_everyS3CallOfTheObjectStore_worksThroughTheTrimmedSdk() throws Exception {
    MotoServer moto = MotoServer.get();
    String bucket = "runtask-jar-" + UUID.randomUUID();
    Map<String, String> env =
        Map.of(ObjectStores.S3_ENDPOINT, moto.endpoint().toString(), "AWS_REGION", "us-east-1");
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    try (S3Client s3 = ObjectStores.s3Client(env)) {
      s3.createBucket(b -> b.bucket(bucket));
    }

    // Only the jar's SDK: the test classes add this one class, and no SDK class of their own.
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                TARGET.resolve("tasks.jar") + File.pathSeparator + TARGET.resolve("test-classes"),
                S3CallsThroughJar.class.getName(),
                dir.toString())
            .redirectErrorStream(true);
    builder.environment().putAll(env);
    builder.environment().put(ObjectStores.OBJECT_STORE, "s3://" + bucket + "/jar-it");
    builder.environment().put("AWS_ACCESS_KEY_ID", "test");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output.lines().toList())
        .containsExactly(
            "put s3://" + bucket + "/jar-it/pending/a",
            "exists pending/a true",
            "exists missing false",
            "get pending/a report",
            "get missing false",
            "copy final/a true",
            "delete pending/a true");
  }
}
