package dev.runtask.launcher.io;

import dev.runtask.contract.ExitCodes;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ctrl-C as an event the running command handles (ask to stop the task, forward SIGTERM to a child)
 * instead of the JVM's default of exiting at once.
 */
public final class Interrupts {
  private final AtomicReference<Runnable> handler = new AtomicReference<>();

  /** Routes SIGINT of this JVM to {@link #fire()}; tests skip this and call fire() themselves. */
  @SuppressWarnings("sunapi")
  public static Interrupts installOnSigint() {
    Interrupts interrupts = new Interrupts();
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> interrupts.fire());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // No SIGINT on this platform (or the JVM reserved it): Ctrl-C keeps the default behaviour.
    }
    return interrupts;
  }

  /** Sets what Ctrl-C does now; null restores "exit 130 at once". */
  public void onInterrupt(Runnable action) {
    handler.set(action);
  }

  public void fire() {
    Runnable action = handler.get();
    if (action == null) {
      Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
      return;
    }
    action.run();
  }
}
