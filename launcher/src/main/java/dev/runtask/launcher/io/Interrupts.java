package dev.runtask.launcher.io;

import dev.runtask.contract.ExitCodes;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ctrl-C, SIGTERM and SIGHUP as an event the running command handles (ask to stop the task, forward
 * SIGTERM to a child) instead of the JVM's default of exiting at once. SIGTERM (a cancelled CI job,
 * {@code kill}) and SIGHUP (the terminal went away) are handled like Ctrl-C with nobody at the
 * terminal: nothing is asked.
 */
public final class Interrupts {
  /** The signals handled, and the exit code when one comes while nothing handles it. */
  private static final Map<String, Integer> SIGNALS =
      Map.of(
          "INT", ExitCodes.INTERRUPTED,
          "TERM", ExitCodes.TERMINATED,
          "HUP", ExitCodes.HANGUP);

  private final AtomicReference<Runnable> handler = new AtomicReference<>();
  private volatile String last = "INT";

  /**
   * Routes SIGINT, SIGTERM and SIGHUP of this JVM to {@link #fire(String)}; tests skip this and
   * call fire themselves.
   */
  @SuppressWarnings("sunapi")
  public static Interrupts installOnSignals() {
    Interrupts interrupts = new Interrupts();
    for (String name : SIGNALS.keySet()) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> interrupts.fire(name));
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // Not on this platform (or the JVM reserved it, e.g. -Xrs): that signal keeps the default.
      }
    }
    return interrupts;
  }

  /** Sets what an interrupt does now; null restores "exit at once with the signal's code". */
  public void onInterrupt(Runnable action) {
    handler.set(action);
  }

  /** Ctrl-C. */
  public void fire() {
    fire("INT");
  }

  /** The signal {@code name} ({@code INT}, {@code TERM}, {@code HUP}) arrived. */
  public void fire(String name) {
    if (!SIGNALS.containsKey(name)) {
      throw new IllegalArgumentException("not a handled signal: " + name);
    }
    last = name;
    Runnable action = handler.get();
    if (action == null) {
      Runtime.getRuntime().halt(SIGNALS.get(name));
      return;
    }
    action.run();
  }

  /** Whether the latest interrupt was Ctrl-C, i.e. someone may be at the terminal to ask. */
  public boolean fromTerminal() {
    return last.equals("INT");
  }

  /** The latest interrupt's signal, e.g. {@code SIGTERM}. */
  public String lastSignal() {
    return "SIG" + last;
  }
}
