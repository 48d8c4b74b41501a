package dev.runtask.launcher.exit;

import dev.runtask.contract.ExitCodes;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A command that ended with an exception, as the operator sees it: the exit code and the one line
 * that explains it. {@link #of} is the launcher's only mapping from failures to exit codes.
 */
public record Failure(int exitCode, String message, boolean bug) {
  /** AWS error codes that mean "these credentials were refused", not "this call is wrong". */
  private static final Set<String> REFUSED_CREDENTIALS =
      Set.of(
          "ExpiredToken",
          "ExpiredTokenException",
          "InvalidClientTokenId",
          "UnrecognizedClientException",
          "InvalidSignatureException",
          "SignatureDoesNotMatch");

  public Failure {
    Objects.requireNonNull(message, "message");
  }

  /**
   * A {@link LauncherException} carries its code; an AWS SDK failure is 110, named by its operation
   * ({@code ecs:RunTask failed: ...}) when a client noted it; anything else — an {@link Error} such
   * as a {@code NoClassDefFoundError} too — is a bug in the launcher, 111. The cause chain is
   * searched, so a wrapped one maps the same way.
   */
  public static Failure of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LauncherException le) {
        return new Failure(le.exitCode(), le.getMessage(), false);
      }
      if (t instanceof SdkException sdk) {
        return new Failure(
            ExitCodes.AWS_CALL_FAILED,
            FailedCalls.operation(sdk).map(op -> op + " failed: ").orElse("AWS call failed: ")
                + sdk.getMessage()
                + (sdk instanceof AwsServiceException refused
                        && refused.awsErrorDetails() != null
                        && REFUSED_CREDENTIALS.contains(refused.awsErrorDetails().errorCode())
                    ? " — the credentials were refused: pass valid ones with -k/-s, --profile or"
                        + " the AWS_* environment variables"
                    : ""),
            false);
      }
    }
    return new Failure(
        ExitCodes.LAUNCHER_FAILED,
        "internal error (a bug in the launcher; please report it with what follows): " + e,
        true);
  }

  /**
   * The same failure with what this run had already changed in AWS (e.g. a registered revision), so
   * the operator knows the state is not as before; a bug keeps its line and stack trace.
   */
  public RuntimeException after(RuntimeException cause, String changed) {
    if (bug) {
      return cause;
    }
    return new LauncherException(exitCode, message + " (" + changed + ")", cause);
  }
}
