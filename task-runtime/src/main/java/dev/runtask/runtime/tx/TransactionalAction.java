package dev.runtask.runtime.tx;

/** Work that runs inside a transaction and returns nothing; may throw {@code E}. */
@FunctionalInterface
public interface TransactionalAction<E extends Exception> {
  void run() throws E;
}
