package dev.runtask.runtime.logging;

import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Starts Logback on a second thread while the main thread parses options, and holds every log call
 * back until it is ready. The process's SLF4J provider is {@link DirectLogbackProvider}, named
 * through SLF4J's {@code slf4j.provider} property (unless the command line names another), which
 * also skips SLF4J's ServiceLoader scan of the class path. Without the barrier, SLF4J hands out
 * substitute loggers during the start-up and replays their events from the initialising thread
 * later: a task that logs and exits quickly loses its lines (the process exits before the replay),
 * and the replay can reorder them. Nor may another thread <em>create</em> a logger before {@link
 * #awaitReady()}: one made just as SLF4J finishes (after it wired up its substitutes, before it
 * hands out real loggers) stays a substitute with nothing behind it and drops every line. So the
 * runtime waits before it loads a task's class, and its own early classes take their loggers late.
 */
public final class LoggingStartup {
  private static final CountDownLatch READY = new CountDownLatch(1);
  private static volatile boolean started;

  private LoggingStartup() {}

  /** SLF4J's system property naming the provider class, read when SLF4J initialises. */
  static final String PROVIDER_PROPERTY = "slf4j.provider";

  /**
   * SLF4J's own verbosity: it reports choosing an explicitly named provider at INFO on stderr, a
   * line on every task run that says nothing to whoever reads it. Its warnings still show.
   */
  static final String SLF4J_VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

  /** Starts the initialisation on a daemon thread; {@link #awaitReady()} waits for it. */
  public static synchronized void startInBackground() {
    if (started) {
      return;
    }
    started = true;
    setIfAbsent(PROVIDER_PROPERTY, DirectLogbackProvider.class.getName());
    setIfAbsent(SLF4J_VERBOSITY_PROPERTY, "WARN");
    Thread thread = new Thread(new Initialisation(), "logging-start-up");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * A class, not a lambda: the process's first lambda sets up java.lang.invoke (several ms in a
   * cold JVM), and that must not delay this thread's start on the main thread.
   */
  private static final class Initialisation implements Runnable {
    @Override
    public void run() {
      try {
        LoggerFactory.getILoggerFactory();
      } finally {
        READY.countDown();
      }
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
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
