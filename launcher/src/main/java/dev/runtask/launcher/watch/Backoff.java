package dev.runtask.launcher.watch;

import java.time.Duration;

/**
 * Poll interval that grows from {@code initial} to {@code max}; tests set both to a millisecond.
 */
final class Backoff {
  private final Duration initial;
  private final Duration max;
  private Duration next;

  Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max.compareTo(initial) < 0 ? initial : max;
    this.next = initial;
  }

  Duration next() {
    Duration current = next;
    long grown =
        Math.min(max.toMillis(), Math.max(current.toMillis() + 1, current.toMillis() * 3 / 2));
    next = Duration.ofMillis(grown);
    return current;
  }

  Duration initial() {
    return initial;
  }

  /** Back to the short interval, e.g. after a status change when more changes are likely soon. */
  void reset() {
    next = initial;
  }
}
