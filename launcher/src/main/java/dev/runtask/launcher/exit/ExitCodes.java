package dev.runtask.launcher.exit;

/**
 * The launcher's own exit codes (docs/CONTRACTS.md); all lie outside the task range 0–99 except 2.
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int TASK_FAILED = 1;
  public static final int BAD_INPUT = 2;
  public static final int AWS_CALL_FAILED = 110;
  public static final int TIMEOUT = 120;
  public static final int INTERRUPTED = 121;
  public static final int NEVER_RAN = 125;
  public static final int STOPPED_FROM_OUTSIDE = 126;

  /** Container SIGKILLed (out of memory, or StopTask after the grace period). */
  public static final int KILLED = 137;

  private ExitCodes() {}
}
