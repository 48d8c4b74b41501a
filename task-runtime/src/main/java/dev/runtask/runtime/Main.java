package dev.runtask.runtime;

import dev.runtask.runtime.api.ExitCodes;
import dev.runtask.runtime.logging.EcsTaskMetadata;
import dev.runtask.runtime.logging.LoggingStartup;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

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
   * {@link LoggingStartup} keeps every log call waiting until logging is ready.
   */
  private static void warmUpInBackground() {
    LoggingStartup.startInBackground(UUID::randomUUID);
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
