package dev.runtask.runtime.tx;

/** Work that runs inside a transaction and returns a result; may throw {@code E}. */
@FunctionalInterface
public interface TransactionalWork<T, E extends Exception> {
  T execute() throws E;
}
