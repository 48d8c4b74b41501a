package dev.runtask.runtime;

import dev.runtask.contract.StopGrace;
import dev.runtask.runtime.api.ExitCodes;
import dev.runtask.runtime.logging.EcsTaskMetadata;
import dev.runtask.runtime.logging.LoggingStartup;
import java.time.Duration;
import java.util.Map;

/** Entry point of tasks.jar: {@code java -jar tasks.jar TASK [options]}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    LoggingStartup.startInBackground();
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
        TaskRuntime.builder().env(env).ecsTaskArn(EcsTaskMetadata.taskArnInBackground(env)).build();
    StopSignals.install(runtime, grace);
    System.exit(runtime.execute(args));
  }
}
