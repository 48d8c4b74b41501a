package dev.runtask.runtime.tcc;

/** A missing or invalid object store setting; the message names the variable. Exit code 2. */
public final class ObjectStoreSettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ObjectStoreSettingsException(String message) {
    super(message);
  }
}
