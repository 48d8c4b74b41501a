package dev.runtask.runtime.api;

/**
 * The exit codes a task uses (docs/CONTRACTS.md): names for the contract's values, which are
 * defined once in {@link dev.runtask.contract.ExitCodes}; tasks may use 3–99 for their own.
 */
public final class ExitCodes {
  public static final int SUCCESS = dev.runtask.contract.ExitCodes.SUCCESS;
  public static final int FAILED = dev.runtask.contract.ExitCodes.FAILED;
  public static final int USAGE = dev.runtask.contract.ExitCodes.USAGE;
  public static final int FIRST_TASK_CODE = dev.runtask.contract.ExitCodes.FIRST_TASK_CODE;
  public static final int LAST_TASK_CODE = dev.runtask.contract.ExitCodes.LAST_TASK_CODE;
  public static final int ALREADY_RUNNING = dev.runtask.contract.ExitCodes.ALREADY_RUNNING;
  public static final int INTERRUPTED = dev.runtask.contract.ExitCodes.INTERRUPTED;
  public static final int TERMINATED = dev.runtask.contract.ExitCodes.TERMINATED;

  private ExitCodes() {}

  /**
   * True for codes a task may return itself: 0–99 (100 and up belong to the runtime and signals).
   */
  public static boolean isTaskCode(int code) {
    return dev.runtask.contract.ExitCodes.isTaskCode(code);
  }
}
