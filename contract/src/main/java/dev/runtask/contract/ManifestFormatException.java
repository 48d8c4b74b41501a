package dev.runtask.contract;

/** A task manifest that cannot be read; the message names the source and where in it. */
public final class ManifestFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ManifestFormatException(String message) {
    super(message);
  }
}
