package dev.runtask.launcher.cli;

import dev.runtask.launcher.aws.AwsSettings;
import dev.runtask.launcher.config.EnvironmentConfig;
import dev.runtask.launcher.exit.LauncherException;
import java.net.URI;
import java.util.Map;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Credentials, region and endpoint. Keys come from -k/-s (the operator's scoped keys, seed 000),
 * else AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, else --profile, else the SDK's default chain. They
 * are only ever handed to the SDK: never printed, logged or passed to a child process.
 */
public final class AwsOptions {
  @Option(
      names = {"-k", "--access-key-id"},
      paramLabel = "KEY_ID",
      description = "AWS access key id (else $AWS_ACCESS_KEY_ID, --profile or the default chain).")
  String accessKeyId;

  @Option(
      names = {"-s", "--secret-access-key"},
      paramLabel = "SECRET",
      description = "AWS secret access key (else $AWS_SECRET_ACCESS_KEY).")
  String secretAccessKey;

  @Option(
      names = "--session-token",
      paramLabel = "TOKEN",
      description = "Session token for temporary credentials (else $AWS_SESSION_TOKEN).")
  String sessionToken;

  @Option(names = "--profile", paramLabel = "NAME", description = "A profile from ~/.aws/config.")
  String profile;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "Overrides the environment's region.")
  String region;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description = "Send every AWS call to this endpoint (emulators such as moto).")
  URI endpoint;

  AwsSettings settings(EnvironmentConfig config, Map<String, String> env) {
    String chosenRegion =
        first(region, config.region(), env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
    if (chosenRegion == null) {
      throw LauncherException.badInput(
          "no AWS region: set \"region\" in environment.json or pass --region");
    }
    URI chosenEndpoint =
        endpoint != null
            ? endpoint
            : env.get("AWS_ENDPOINT_URL") != null && !env.get("AWS_ENDPOINT_URL").isEmpty()
                ? URI.create(env.get("AWS_ENDPOINT_URL"))
                : null;
    return new AwsSettings(chosenRegion, chosenEndpoint, credentials(env), searched(env));
  }

  /** Where {@link #credentials} looks, for the line printed when it finds nothing. */
  private String searched(Map<String, String> env) {
    if (profile != null) {
      return "profile \"" + profile + "\" in " + profileFiles(env);
    }
    String named = env.get("AWS_PROFILE");
    return "-k/-s, $AWS_ACCESS_KEY_ID/$AWS_SECRET_ACCESS_KEY, profile \""
        + (named == null || named.isEmpty() ? "default" : named)
        + "\" in "
        + profileFiles(env)
        + ", a web identity token ($AWS_WEB_IDENTITY_TOKEN_FILE + $AWS_ROLE_ARN),"
        + " ECS container and EC2 instance metadata";
  }

  private static String profileFiles(Map<String, String> env) {
    return first(env.get("AWS_SHARED_CREDENTIALS_FILE"), "~/.aws/credentials")
        + " and "
        + first(env.get("AWS_CONFIG_FILE"), "~/.aws/config");
  }

  private AwsCredentialsProvider credentials(Map<String, String> env) {
    if ((accessKeyId == null) != (secretAccessKey == null)) {
      throw LauncherException.badInput(
          "-k/--access-key-id and -s/--secret-access-key go together: pass both or neither");
    }
    if (accessKeyId != null) {
      return fixed(accessKeyId, secretAccessKey, sessionToken != null ? sessionToken : null);
    }
    String envKey = env.get("AWS_ACCESS_KEY_ID");
    String envSecret = env.get("AWS_SECRET_ACCESS_KEY");
    if (profile == null
        && envKey != null
        && !envKey.isEmpty()
        && envSecret != null
        && !envSecret.isEmpty()) {
      return fixed(
          envKey, envSecret, sessionToken != null ? sessionToken : env.get("AWS_SESSION_TOKEN"));
    }
    if (profile != null) {
      return ProfileCredentialsProvider.create(profile);
    }
    return DefaultCredentialsProvider.builder().build();
  }

  private static AwsCredentialsProvider fixed(String key, String secret, String token) {
    return StaticCredentialsProvider.create(
        token == null || token.isEmpty()
            ? AwsBasicCredentials.create(key, secret)
            : AwsSessionCredentials.create(key, secret, token));
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }
}
