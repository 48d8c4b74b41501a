package dev.runtask.runtime.api;

/** The runtime's exit-code contract (docs/CONTRACTS.md); tasks may use 3–99 for their own. */
public final class ExitCodes {
  public static final int SUCCESS = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int FIRST_TASK_CODE = 3;
  public static final int LAST_TASK_CODE = 99;
  public static final int ALREADY_RUNNING = 100;
  public static final int INTERRUPTED = 130;
  public static final int TERMINATED = 143;

  private ExitCodes() {}

  /**
   * True for codes a task may return itself: 0–99 (100 and up belong to the runtime and signals).
   */
  public static boolean isTaskCode(int code) {
    return code >= SUCCESS && code <= LAST_TASK_CODE;
  }
}
