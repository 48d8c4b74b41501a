package dev.runtask.runtime;

import dev.runtask.runtime.api.ExitCodes;
import dev.runtask.runtime.logging.EcsTaskMetadata;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.LoggerFactory;

/** Entry point of tasks.jar: {@code java -jar tasks.jar TASK [options]}. */
public final class Main {
  /** Seconds a stopped task gets to clean up before the process exits anyway. */
  static final String STOP_GRACE = "RUNTASK_STOP_GRACE_SECONDS";

  private static final Duration DEFAULT_GRACE = Duration.ofSeconds(25);

  private Main() {}

  public static void main(String[] args) {
    warmUpInBackground();
    Map<String, String> env = System.getenv();
    Duration grace;
    try {
      grace = stopGrace(env);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(ExitCodes.USAGE);
      return;
    }
    TaskRuntime runtime =
        TaskRuntime.builder().env(env).ecsTaskArn(EcsTaskMetadata.taskArn(env)).build();
    StopSignals.install(runtime, grace);
    System.exit(runtime.execute(args));
  }

  /**
   * Logging set-up and the secure random behind run ids cost tens of milliseconds each; doing them
   * on a second core while the main thread parses options is the cheapest start-up win (bench/).
   */
  private static void warmUpInBackground() {
    Thread warmUp =
        new Thread(
            () -> {
              LoggerFactory.getILoggerFactory();
              UUID.randomUUID();
            },
            "warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  static Duration stopGrace(Map<String, String> env) {
    String value = env.get(STOP_GRACE);
    if (value == null || value.isBlank()) {
      return DEFAULT_GRACE;
    }
    try {
      long seconds = Long.parseLong(value.trim());
      if (seconds >= 0) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        STOP_GRACE + "=" + value + " is not valid: expected whole seconds >= 0 (default 25)");
  }
}
