package dev.runtask.launcher.aws;

import dev.runtask.launcher.exit.LauncherException;
import java.util.Objects;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Who the credentials belong to: the ARN tags the task, the account is checked against the pinned
 * one.
 */
public record CallerIdentity(String arn, String account) {
  public CallerIdentity {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(account, "account");
  }

  public static CallerIdentity of(StsClient sts) {
    GetCallerIdentityResponse r = sts.getCallerIdentity();
    return new CallerIdentity(r.arn(), r.account());
  }

  /**
   * Refuses (exit 2) when the environment pins another account: the keys are for the wrong place.
   */
  public void requireAccount(String pinned, String environment) {
    if (pinned != null && !pinned.equals(account)) {
      throw LauncherException.badInput(
          "environment "
              + environment
              + " is pinned to AWS account "
              + pinned
              + " but the credentials belong to account "
              + account
              + " — use the keys for "
              + environment);
    }
  }
}
