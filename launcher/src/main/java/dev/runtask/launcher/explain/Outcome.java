package dev.runtask.launcher.explain;

import dev.runtask.contract.ExitCodes;

/**
 * The launcher's exit code for a finished run and, unless it simply succeeded, one line of cause
 * and remedy.
 */
public record Outcome(int exitCode, String explanation) {
  public static Outcome success() {
    return new Outcome(ExitCodes.SUCCESS, null);
  }
}
