package dev.runtask.launcher.exit;

import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Which AWS operation an SDK exception came from ({@code ecs:RunTask}), noted by the clients' one
 * interceptor so that {@link Failure} can name it without a catch around every call. The exception
 * itself is left as the SDK made it: callers still catch its specific type.
 */
public final class FailedCalls {
  // Weak keys: an exception that nobody holds any more takes its entry with it.
  private static final Map<Throwable, String> OPERATIONS = new WeakHashMap<>();

  private FailedCalls() {}

  /**
   * Notes that {@code failure} ended the call {@code operation} (IAM form: {@code ecs:RunTask}).
   */
  public static synchronized void note(Throwable failure, String operation) {
    OPERATIONS.put(failure, operation);
  }

  /** The operation {@code failure} ended, when an AWS client noted one. */
  public static synchronized Optional<String> operation(Throwable failure) {
    return Optional.ofNullable(OPERATIONS.get(failure));
  }
}
