package dev.runtask.launcher.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtask.launcher.exit.LauncherException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/** Credentials resolved before the first call: what the operator reads when there are none. */
class CredentialsTest {
  private static AwsSettings profile(Path config, String name) {
    ProfileFile file =
        ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build();
    return new AwsSettings(
        "us-east-1",
        null,
        ProfileCredentialsProvider.builder().profileFile(file).profileName(name).build(),
        "profile \"" + name + "\" in " + config);
  }

  @Test
  void resolve_profileWithoutKeys_exits2SayingWhereItLooked(@TempDir Path dir) throws IOException {
    Path config = Files.writeString(dir.resolve("config"), "[profile ops]\nregion = eu-west-1\n");

    assertThatThrownBy(() -> Credentials.resolve(profile(config, "ops")))
        .isInstanceOfSatisfying(LauncherException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessage(
            "no AWS credentials found (looked in profile \"ops\" in "
                + config
                + "): pass -k KEY_ID -s SECRET, --profile NAME, or export AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY; nothing was sent to AWS");
  }

  @Test
  void resolve_ssoProfile_exits2WithTheExportHint_notALauncherBug(@TempDir Path dir)
      throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("config"),
            "[profile sso]\nsso_start_url = https://example.awsapps.com/start\n"
                + "sso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = ops\n");

    assertThatThrownBy(() -> Credentials.resolve(profile(config, "sso")))
        .isInstanceOfSatisfying(LauncherException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessageContaining("the launcher does not read SSO profiles")
        .hasMessageContaining("aws configure export-credentials --profile NAME --format env");
  }
}
