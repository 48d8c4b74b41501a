package dev.runtask.runtime.db;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Optionally restricts database use to some threads (see {@link PooledDatabase#confineTo}): each
 * confinement admits one thread, so tests running in parallel each admit their own. A refusal is
 * remembered by every confinement in force, so a harness can report it even when the refused
 * thread's exception was swallowed by an executor.
 */
final class ThreadConfinement {
  private final Map<Thread, Scope> scopes = new ConcurrentHashMap<>();

  /** One thread admitted, for one reason; {@link #release()} ends it. */
  final class Scope implements PooledDatabase.Confinement {
    private final Thread thread;
    private final String reason;
    private final AtomicReference<String> firstRefusal = new AtomicReference<>();

    private Scope(Thread thread, String reason) {
      this.thread = thread;
      this.reason = reason;
    }

    @Override
    public Optional<String> release() {
      scopes.remove(thread, this);
      return Optional.ofNullable(firstRefusal.get());
    }
  }

  PooledDatabase.Confinement confineTo(Thread thread, String reason) {
    Scope scope = new Scope(thread, reason);
    scopes.put(thread, scope);
    return scope;
  }

  void check() {
    if (scopes.isEmpty()) {
      return;
    }
    Thread caller = Thread.currentThread();
    if (scopes.containsKey(caller)) {
      return;
    }
    Scope any = scopes.values().stream().findFirst().orElse(null);
    if (any == null) {
      return;
    }
    String message =
        "database used from thread '"
            + caller.getName()
            + "', but "
            + any.reason
            + " ("
            + scopes.keySet().stream()
                .map(t -> "thread '" + t.getName() + "'")
                .collect(Collectors.joining(", "))
            + ")";
    scopes.values().forEach(scope -> scope.firstRefusal.compareAndSet(null, message));
    throw new IllegalStateException(message);
  }
}
