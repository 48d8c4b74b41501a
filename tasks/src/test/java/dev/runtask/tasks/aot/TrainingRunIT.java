package dev.runtask.tasks.aot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training run the build and the image make their start-up archive from. */
class TrainingRunIT {
  @TempDir Path dir;

  @Test
  void main_realDatabaseConfigured_trainsOnTheEmbeddedDatabaseAndGreets() throws Exception {
    // A database the training must never touch: were it used, the import would fail to connect.
    Map<String, String> env =
        Map.of(
            "RUNTASK_DB_URL", "jdbc:postgresql://127.0.0.1:9/production",
            "RUNTASK_DB_USER", "operator",
            "RUNTASK_DB_PASSWORD", "not-for-training");

    JvmRun run =
        JvmRun.of(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                JvmRun.TARGET.resolve("tasks.jar").toString(),
                TrainingRun.class.getName()),
            dir,
            env);

    assertThat(run.code()).as(run.stdout() + run.stderr()).isZero();
    assertThat(run.stdout())
        .contains("Imported 2 sales from", "\"formattedMessage\":\"Hello, training!\"")
        .doesNotContain("not-for-training");
    assertThat(dir.resolve(".local/training.mv.db")).isRegularFile();
  }
}
