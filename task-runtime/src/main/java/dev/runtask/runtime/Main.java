package dev.runtask.runtime;

import dev.runtask.contract.StopGrace;
import dev.runtask.runtime.api.ExitCodes;
import dev.runtask.runtime.logging.EcsTaskMetadata;
import dev.runtask.runtime.logging.LoggingStartup;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Entry point of tasks.jar: {@code java -jar tasks.jar TASK [options]}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    warmUpInBackground();
    Map<String, String> env = System.getenv();
    Duration grace;
    try {
      grace = StopGrace.from(env);
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
}
