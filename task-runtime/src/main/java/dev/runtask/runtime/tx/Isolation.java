package dev.runtask.runtime.tx;

/** Transaction isolation levels; {@link #DEFAULT} keeps the database's own default. */
public enum Isolation {
  DEFAULT,
  READ_COMMITTED,
  REPEATABLE_READ,
  SERIALIZABLE
}
