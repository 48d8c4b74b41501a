package dev.runtask.tasks.aot;

import dev.runtask.runtime.Main;
import dev.runtask.runtime.TaskRuntime;
import dev.runtask.runtime.db.DatabaseSettings;
import dev.runtask.runtime.logging.LoggingStartup;
import dev.runtask.runtime.tcc.ObjectStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run the start-up archive is made from (Java 25: {@code -XX:AOTCacheOutput}; Java 17:
 * {@code -XX:ArchiveClassesAtExit}): a database task on the embedded database, then hello-world
 * through the real entry point, in one JVM, because one run is all a cache is made from.
 *
 * <p>{@code java -XX:AOTCacheOutput=tasks.aot -cp tasks.jar dev.runtask.tasks.aot.TrainingRun}, run
 * in a scratch directory: the embedded database goes to {@code .local/} under it.
 */
public final class TrainingRun {
  /** Two sales of the migrations' seeded products: every step of an import, no rejected row. */
  private static final String SALES =
      """
      sale_id,sold_at,product_id,quantity
      TRAINING-1,2026-01-01T09:00:00Z,P-100,2
      TRAINING-1,2026-01-01T09:00:00Z,P-300,1
      TRAINING-2,2026-01-01T10:00:00Z,P-200,1
      """;

  /** Settings that would point the training at a real database or object store. */
  private static final List<String> NOT_FOR_TRAINING =
      List.of(
          DatabaseSettings.PASSWORD,
          ObjectStores.OBJECT_STORE,
          ObjectStores.S3_ENDPOINT,
          "ECS_CONTAINER_METADATA_URI_V4");

  private TrainingRun() {}

  public static void main(String[] args) throws IOException {
    // Logging comes up as in every real launch (Main), so the archive holds that path's classes.
    LoggingStartup.startInBackground();
    Path csv = Files.createTempFile("runtask-training-", ".csv");
    int code;
    try {
      Files.writeString(csv, SALES, StandardCharsets.UTF_8);
      code =
          TaskRuntime.builder()
              .env(trainingEnvironment(System.getenv()))
              .build()
              .execute("import-sales", "--file", csv.toString());
    } finally {
      Files.deleteIfExists(csv);
    }
    if (code != 0) {
      System.err.println("training run: import-sales exited " + code + ", expected 0");
      System.exit(1);
    }
    // Last, because it exits the JVM: what every real launch runs (signals, ECS metadata, exit).
    Main.main(new String[] {"hello-world", "--name", "training"});
  }

  /**
   * The embedded database's URL under {@code .local/training}, without AUTO_SERVER: that mode looks
   * up the host's own name, which an image build without network cannot resolve.
   */
  private static Map<String, String> trainingEnvironment(Map<String, String> env) {
    Map<String, String> kept = new HashMap<>(env);
    NOT_FOR_TRAINING.forEach(kept::remove);
    String url = DatabaseSettings.embeddedUrl(Path.of(".local", "training"));
    kept.put(DatabaseSettings.URL, url.replace(";AUTO_SERVER=TRUE", ""));
    kept.put(DatabaseSettings.USER, "sa");
    return kept;
  }
}
