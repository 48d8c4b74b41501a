package dev.runtask.runtime.execution;

import dev.runtask.runtime.api.ExitCodes;
import java.time.Duration;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM (what ECS StopTask and Spot interruptions send) and SIGINT: ask the running task to
 * stop, give it a grace period to clean up (roll back), then exit 143/130 regardless. ECS sends
 * SIGKILL after the container's stopTimeout (30 s by default), so the grace stays below that.
 */
public final class StopSignals {
  private static final Logger log = LoggerFactory.getLogger(StopSignals.class);

  private StopSignals() {}

  /**
   * Installs handlers that pass each signal to {@code stopper} (true when a running task accepted
   * the request). A second signal, or one with no task running, exits at once.
   */
  public static void install(Predicate<StopRequest.Signal> stopper, Duration grace) {
    handle("TERM", ExitCodes.TERMINATED, stopper, grace);
    handle("INT", ExitCodes.INTERRUPTED, stopper, grace);
  }

  private static void handle(String name, int exitCode, Predicate<StopRequest.Signal> stopper, Duration grace) {
    StopRequest.Signal signal = new StopRequest.Signal("SIG" + name, exitCode);
    Signal.handle(new Signal(name), received -> {
      if (stopper.test(signal)) {
        log.warn("Received {}: stopping the task (grace {} s)", signal.name(), grace.toSeconds());
        startWatchdog(signal, grace);
      } else {
        log.warn("Received {}: exiting now", signal.name());
        Runtime.getRuntime().halt(exitCode);
      }
    });
  }

  private static void startWatchdog(StopRequest.Signal signal, Duration grace) {
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(grace.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      log.error("Task did not stop within {} s of {}; exiting without waiting for it", grace.toSeconds(), signal.name());
      System.out.flush();
      Runtime.getRuntime().halt(signal.exitCode());
    }, "stop-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
