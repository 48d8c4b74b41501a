package dev.runtask.launcher.aws;

import dev.runtask.contract.ExitCodes;
import dev.runtask.launcher.exit.LauncherException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Resolves the run's credentials before its first AWS call. Without this the SDK would resolve them
 * inside that call and fail it with a dump of its whole provider chain.
 */
final class Credentials {
  private Credentials() {}

  /**
   * Finding none is bad input (exit 2: nothing was sent); a provider whose own call was refused
   * (STS for a web identity token or a role profile) is a failed AWS call (exit 110).
   */
  static void resolve(AwsSettings settings) {
    try {
      settings.credentials().resolveCredentials();
    } catch (SdkException | IllegalStateException e) {
      // IllegalStateException: the SDK's answer to a profile that needs a module the jar leaves
      // out (SSO), before any call.
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof AwsServiceException refused) {
          throw new LauncherException(
              ExitCodes.AWS_CALL_FAILED,
              "getting credentials failed ("
                  + settings.searched()
                  + "): "
                  + (refused.awsErrorDetails() != null
                      ? refused.awsErrorDetails().errorMessage()
                      : refused.getMessage()),
              e);
        }
      }
      boolean sso = String.valueOf(e.getMessage()).contains("'sso' service module");
      throw new LauncherException(
          ExitCodes.USAGE,
          (sso ? "no usable AWS credentials" : "no AWS credentials found")
              + " (looked in "
              + settings.searched()
              + ")"
              + (sso
                  ? ": the launcher does not read SSO profiles, export the session instead:"
                      + " eval \"$(aws configure export-credentials --profile NAME --format env)\""
                  : ": pass -k KEY_ID -s SECRET, --profile NAME, or export AWS_ACCESS_KEY_ID and"
                      + " AWS_SECRET_ACCESS_KEY")
              + "; nothing was sent to AWS",
          e);
    }
  }
}
