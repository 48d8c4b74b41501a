package dev.runtask.launcher.explain;

import dev.runtask.contract.ExitCodes;

/**
 * Turns a stopped task into an exit code and one line of cause and remedy. The container's own code
 * passes through; when it never ran or was killed the launcher uses the documented codes
 * (docs/CONTRACTS.md) so CI can tell "the task failed" from "the task never got to run".
 */
public final class StopExplainer {
  private StopExplainer() {}

  /** {@code memoryHint} names the file where memory is set, for the out-of-memory remedy. */
  public static Outcome explain(StopFacts f, String memoryHint) {
    String reasons = f.allReasons();
    if (reasons.contains("CannotPullContainerError")) {
      return new Outcome(
          ExitCodes.NEVER_RAN,
          "the image could not be pulled ("
              + f.stoppedReason()
              + ") — check the image tag (--image-tag) exists in ECR and the execution role may pull it");
    }
    if (reasons.contains("ResourceInitializationError")) {
      return new Outcome(
          ExitCodes.NEVER_RAN,
          "the task could not be set up ("
              + f.stoppedReason()
              + ") — check the execution role, secrets, log group and that the subnets reach ECR (NAT, VPC endpoints or assignPublicIp)");
    }
    if ("TaskFailedToStart".equals(f.stopCode())) {
      return new Outcome(
          ExitCodes.NEVER_RAN,
          "the task failed to start ("
              + f.stoppedReason()
              + ") — fix the cause above and run it again");
    }
    if (reasons.contains("OutOfMemoryError") || reasons.contains("OutOfMemory")) {
      int code =
          f.containerExitCode() != null && f.containerExitCode() != 0
              ? f.containerExitCode()
              : ExitCodes.KILLED;
      return new Outcome(
          code,
          "the container ran out of memory (" + reasons + ") — raise \"memory\" in " + memoryHint);
    }
    String outside = stoppedFromOutside(f);
    if (outside != null) {
      return new Outcome(ExitCodes.STOPPED_FROM_OUTSIDE, outside);
    }
    if (f.containerExitCode() != null) {
      int code = f.containerExitCode();
      return new Outcome(code, code == 0 ? null : containerCode(code, memoryHint));
    }
    return new Outcome(
        ExitCodes.NEVER_RAN,
        "the task stopped without a container exit code (stopCode "
            + f.stopCode()
            + ": "
            + f.stoppedReason()
            + ") — see the task in the console");
  }

  private static String stoppedFromOutside(StopFacts f) {
    if (f.stopCode() == null) {
      return null;
    }
    return switch (f.stopCode()) {
      case "SpotInterruption" ->
          "Fargate Spot took the capacity back (SpotInterruption) before the task finished"
              + " — run it again; use launchType FARGATE for tasks that must not be interrupted";
      case "UserInitiated" ->
          "the task was stopped by StopTask ("
              + f.stoppedReason()
              + ") before it finished"
              + " — run it again if that was not intended";
      case "ServiceSchedulerInitiated" ->
          "the ECS scheduler stopped the task (" + f.stoppedReason() + ") — run it again";
      case "TerminationNotice" ->
          "the task was stopped for platform maintenance (TerminationNotice) — run it again";
      default -> null;
    };
  }

  private static String containerCode(int code, String memoryHint) {
    return switch (code) {
      case 1 -> "the task failed (exit 1) — its log above has the error";
      case 2 -> "the task rejected its options or configuration (exit 2) — see its log above";
      case 100 ->
          "another instance of this single-instance task is running (exit 100) — nothing was done";
      case 130 -> "the task was interrupted (SIGINT, exit 130)";
      case 137 ->
          "the container was killed (SIGKILL, exit 137): out of memory or it ignored SIGTERM"
              + " — if memory, raise \"memory\" in "
              + memoryHint;
      case 143 -> "the task was stopped by SIGTERM (exit 143)";
      default -> "the task exited with code " + code;
    };
  }
}
