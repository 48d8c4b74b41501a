package dev.runtask.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every exit code of tasks.jar and of the launcher (docs/CONTRACTS.md). Tasks own 0–99; 100–126 are
 * reserved for the runtime and the launcher, so CI can tell "the task failed" from "it never ran";
 * 128 + n is signal n.
 */
public final class ExitCodes {
  /** The task succeeded. */
  public static final int SUCCESS = 0;

  /** The task failed (one line on stderr, the stack trace in the log). */
  public static final int FAILED = 1;

  /**
   * Bad usage or configuration: nothing was done. The launcher: nothing was started or changed in
   * AWS; at most the reads that found the input wrong (who the caller is, whether a task exists).
   */
  public static final int USAGE = 2;

  /** The first of the codes a task may return for its own outcomes. */
  public static final int FIRST_TASK_CODE = 3;

  /** The last of the codes a task may return for its own outcomes. */
  public static final int LAST_TASK_CODE = 99;

  /** A single-instance task is already running elsewhere; nothing was done. */
  public static final int ALREADY_RUNNING = 100;

  /** The launcher: an AWS call failed (credentials, permission, throttling after retries). */
  public static final int AWS_CALL_FAILED = 110;

  /** The launcher itself failed: a bug in the launcher, not in the task or the configuration. */
  public static final int LAUNCHER_FAILED = 111;

  /** The launcher: {@code --timeout} was reached while the task kept running. */
  public static final int TIMED_OUT = 120;

  /** The launcher: its wait was interrupted (Ctrl-C, SIGTERM or SIGHUP to the launcher). */
  public static final int WAIT_INTERRUPTED = 121;

  /** The launcher: the task never ran (RunTask failures, image pull, task set-up). */
  public static final int NEVER_RAN = 125;

  /** The launcher: the task was stopped from outside before it finished (Spot, StopTask). */
  public static final int STOPPED_FROM_OUTSIDE = 126;

  /** The launcher got SIGHUP (its terminal went away); handled like SIGTERM. */
  public static final int HANGUP = 129;

  /** Stopped by SIGINT. */
  public static final int INTERRUPTED = 130;

  /** Killed by SIGKILL (out of memory, or StopTask after the grace period). */
  public static final int KILLED = 137;

  /**
   * Stopped by SIGTERM (ECS StopTask, Spot interruption): only when the stop interrupted the work;
   * a task whose work completed reports its own code.
   */
  public static final int TERMINATED = 143;

  private ExitCodes() {}

  /** True for codes a task may return itself: 0–99. */
  public static boolean isTaskCode(int code) {
    return code >= SUCCESS && code <= LAST_TASK_CODE;
  }

  /** The launcher's exit codes and what each means, in order, for {@code launcher --help}. */
  public static Map<String, String> launcherCodes() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("0", "the task succeeded");
    codes.put("1, 3-99", "the task's own exit code");
    codes.put("2", "bad input or configuration; nothing was started or changed in AWS");
    codes.put("100", "a single-instance task was already running");
    codes.put("110", "an AWS call failed");
    codes.put("111", "the launcher itself failed (a bug: please report it)");
    codes.put("120", "--timeout reached");
    codes.put("121", "the wait was interrupted (Ctrl-C, SIGTERM, SIGHUP)");
    codes.put("125", "the task never ran");
    codes.put("126", "the task was stopped from outside");
    codes.put("129, 130, 137, 143", "a signal (SIGHUP, SIGINT, SIGKILL, SIGTERM)");
    return codes;
  }

  /** One line for {@code tasks.jar --help}. */
  public static String runtimeSummary() {
    return "Exit codes: 0 success, 1 task failed, 2 usage error, 3-99 the task's own, "
        + "100 already running, 130 SIGINT, 143 SIGTERM.";
  }
}
