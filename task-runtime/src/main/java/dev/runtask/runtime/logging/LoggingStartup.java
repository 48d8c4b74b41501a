package dev.runtask.runtime.logging;

import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Starts Logback on a second thread while the main thread parses options, and holds every log call
 * back until it is ready. Without the barrier, SLF4J hands out substitute loggers during the
 * start-up and replays their events from the initialising thread later: a task that logs and exits
 * quickly loses its lines (the process exits before the replay), and the replay can reorder them.
 */
public final class LoggingStartup {
  private static final CountDownLatch READY = new CountDownLatch(1);
  private static volatile boolean started;

  private LoggingStartup() {}

  /** Starts the initialisation on a daemon thread; {@link #awaitReady()} waits for it. */
  public static synchronized void startInBackground(Runnable alsoWarmUp) {
    if (started) {
      return;
    }
    started = true;
    Thread thread =
        new Thread(
            () -> {
              try {
                LoggerFactory.getILoggerFactory();
              } finally {
                READY.countDown();
              }
              alsoWarmUp.run();
            },
            "logging-start-up");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Returns once logging is initialised: at once when no background start was asked for (tests,
   * embedding), in which case the first log call initialises it on the calling thread as usual.
   */
  public static void awaitReady() {
    if (!started) {
      return;
    }
    boolean interrupted = false;
    while (true) {
      try {
        READY.await();
        break;
      } catch (InterruptedException e) {
        // A stop signal may interrupt the main thread this early; logging must still come up.
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
