package dev.runtask.runtime;

import dev.runtask.runtime.api.ExitCodes;
import dev.runtask.runtime.execution.Execution;
import dev.runtask.runtime.execution.ExecutionLogContext;
import dev.runtask.runtime.execution.StopRequest;
import dev.runtask.runtime.logging.LoggingStartup;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM (what ECS StopTask and Spot interruptions send) and SIGINT: ask the running task to stop,
 * give it a grace period to clean up (roll back), then exit 143/130 regardless. ECS sends SIGKILL
 * after the container's stopTimeout (30 s by default), so the grace stays below that.
 */
public final class StopSignals {
  /** How long a forced exit waits for the execution record to be closed. */
  private static final Duration RECORD_CLOSE_BOUND = Duration.ofSeconds(3);

  private StopSignals() {}

  /**
   * Asked for only once logging is up (see {@link LoggingStartup}): a logger made while it comes up
   * on the other thread can end up discarding everything.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(StopSignals.class);
  }

  /**
   * Installs handlers that ask {@code runtime}'s running execution to stop. A second signal, or one
   * with no task running, exits at once.
   */
  static void install(TaskRuntime runtime, Duration grace) {
    handle("TERM", ExitCodes.TERMINATED, runtime, grace);
    handle("INT", ExitCodes.INTERRUPTED, runtime, grace);
  }

  private static void handle(String name, int exitCode, TaskRuntime runtime, Duration grace) {
    StopRequest.Signal signal = new StopRequest.Signal("SIG" + name, exitCode);
    Signal.handle(
        new Signal(name),
        received -> {
          LoggingStartup.awaitReady();
          Logger log = log();
          Execution execution = runtime.running().orElse(null);
          if (execution != null && execution.requestStop(signal)) {
            try (ExecutionLogContext ignored = ExecutionLogContext.of(execution)) {
              log.warn(
                  "Received {}: stopping the task (grace {} s)", signal.name(), grace.toSeconds());
            }
            startWatchdog(execution, signal, grace);
          } else {
            log.warn("Received {}: exiting now", signal.name());
            exitNow(execution, exitCode, signal.name() + " again: exited without waiting");
          }
        });
  }

  /**
   * Closes the execution record (bounded: ECS SIGKILLs soon after the grace, and a stuck database
   * must not keep the process alive), then halts with {@code exitCode}.
   */
  private static void exitNow(Execution execution, int exitCode, String stopReason) {
    if (execution != null) {
      Thread closer =
          new Thread(() -> execution.exitingNow(exitCode, stopReason), "stop-record-closer");
      closer.setDaemon(true);
      closer.start();
      try {
        closer.join(RECORD_CLOSE_BOUND.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    System.out.flush();
    Runtime.getRuntime().halt(exitCode);
  }

  private static void startWatchdog(
      Execution execution, StopRequest.Signal signal, Duration grace) {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(grace.toMillis());
              } catch (InterruptedException e) {
                return;
              }
              try (ExecutionLogContext ignored = ExecutionLogContext.of(execution)) {
                log()
                    .error(
                        "Task did not stop within {} s of {}; exiting without waiting for it",
                        grace.toSeconds(),
                        signal.name());
              }
              exitNow(
                  execution,
                  signal.exitCode(),
                  signal.name()
                      + ": forced exit, the task did not stop within the grace of "
                      + grace.toSeconds()
                      + " s");
            },
            "stop-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
