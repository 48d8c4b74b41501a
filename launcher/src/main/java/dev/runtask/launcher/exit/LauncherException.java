package dev.runtask.launcher.exit;

import dev.runtask.contract.ExitCodes;

/** A failure the operator can act on: one line of message and the launcher exit code it maps to. */
public final class LauncherException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public LauncherException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public LauncherException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Bad input or configuration; by contract nothing has been sent to AWS yet. */
  public static LauncherException badInput(String message) {
    return new LauncherException(ExitCodes.USAGE, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
