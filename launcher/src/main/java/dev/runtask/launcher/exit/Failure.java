package dev.runtask.launcher.exit;

import dev.runtask.contract.ExitCodes;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A command that ended with an exception, as the operator sees it: the exit code and the one line
 * that explains it. {@link #of} is the launcher's only mapping from failures to exit codes.
 */
public record Failure(int exitCode, String message, boolean bug) {
  public Failure {
    Objects.requireNonNull(message, "message");
  }

  /**
   * A {@link LauncherException} carries its code; an AWS SDK failure is 110; anything else is a bug
   * in the launcher, 111. The cause chain is searched, so a wrapped one maps the same way.
   */
  public static Failure of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LauncherException le) {
        return new Failure(le.exitCode(), le.getMessage(), false);
      }
      if (t instanceof SdkException sdk) {
        String message = String.valueOf(sdk.getMessage());
        return new Failure(
            ExitCodes.AWS_CALL_FAILED,
            "AWS call failed: "
                + message
                + (message.contains("credentials")
                    ? " — pass -k/-s, --profile or the AWS_* environment variables"
                    : ""),
            false);
      }
    }
    return new Failure(
        ExitCodes.LAUNCHER_FAILED,
        "internal error (a bug in the launcher; please report it with what follows): " + e,
        true);
  }
}
