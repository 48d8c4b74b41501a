package dev.runtask.launcher.ops;

import dev.runtask.contract.ExitCodes;
import dev.runtask.launcher.exit.LauncherException;

/**
 * The stopped reason {@code launcher stop} gives ECS: who stopped the task and why, so {@code ps},
 * the console and a teammate's {@code run} all say it. StopTask takes at most 255 characters.
 */
public final class StopReason {
  static final int MAX_LENGTH = 255;
  static final int MAX_TEXT = 120;

  private StopReason() {}

  /** Bad input before any AWS call: a reason ECS would refuse or cut. */
  public static void checkText(String text) {
    if (text == null) {
      return;
    }
    if (text.isBlank()) {
      throw LauncherException.badInput("--reason: empty; give a short reason or leave it out");
    }
    if (text.length() > MAX_TEXT) {
      throw LauncherException.badInput(
          "--reason: "
              + text.length()
              + " characters; at most "
              + MAX_TEXT
              + " fit in ECS's stopped reason");
    }
  }

  /**
   * True when a container's exit code is how a task answers our stop: 143 (SIGTERM handled), 0 or
   * 130, or none at all (it never got to run). 137 (killed after the stop timeout) is not.
   */
  public static boolean endedOnTheStop(Integer containerExit) {
    return containerExit == null
        || containerExit == ExitCodes.TERMINATED
        || containerExit == ExitCodes.SUCCESS
        || containerExit == ExitCodes.INTERRUPTED;
  }

  /** {@code launcher stop by Operator/alice: deploy freeze}. */
  public static String of(String callerArn, String text) {
    String who = LaunchedTask.shortPrincipal(callerArn);
    String reason = "launcher stop by " + (who == null ? "unknown" : who);
    if (text != null) {
      reason += ": " + text.strip();
    }
    return reason.length() > MAX_LENGTH ? reason.substring(0, MAX_LENGTH) : reason;
  }
}
