package dev.runtask.launcher.aws;

import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Region, optional endpoint override (emulators) and credentials for every AWS client of one run.
 *
 * @param searched where {@code credentials} looks, in the operator's words (for the one line
 *     printed when it finds none)
 */
public record AwsSettings(
    String region, URI endpoint, AwsCredentialsProvider credentials, String searched) {
  /** {@code endpoint} may be null: the SDK's own for the region. */
  public AwsSettings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(searched, "searched");
  }

  @Override
  public String toString() {
    // Never let a credentials provider's state reach a log line or an exception message.
    return "AwsSettings[region=" + region + ", endpoint=" + endpoint + "]";
  }
}
