package dev.runtask.runtime.execution;

import dev.runtask.runtime.api.Cancellation;
import java.util.Optional;

/** The cancellation of one execution: which signal asked it to stop, if any. */
public final class StopRequest implements Cancellation {
  /** A stop signal and the exit code it maps to (SIGTERM → 143, SIGINT → 130). */
  public record Signal(String name, int exitCode) {}

  private volatile Signal signal;

  @Override
  public boolean isRequested() {
    return signal != null;
  }

  /** Records the first stop request; later ones do not overwrite the reason. */
  public synchronized boolean request(Signal requested) {
    if (signal != null) {
      return false;
    }
    signal = requested;
    return true;
  }

  public Optional<Signal> signal() {
    return Optional.ofNullable(signal);
  }
}
