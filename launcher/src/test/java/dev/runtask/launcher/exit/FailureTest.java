package dev.runtask.launcher.exit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class FailureTest {
  @Test
  void of_launcherException_keepsItsCodeAndLine() {
    Failure f = Failure.of(LauncherException.badInput("unknown environment \"x\""));

    assertThat(f).isEqualTo(new Failure(2, "unknown environment \"x\"", false));
  }

  @Test
  void of_sdkExceptionEvenWrapped_is110WithTheCredentialsHint() {
    Failure f =
        Failure.of(
            new CompletionException(
                SdkClientException.create("Unable to load credentials from any provider")));

    assertThat(f.exitCode()).isEqualTo(110);
    assertThat(f.message())
        .isEqualTo(
            "AWS call failed: Unable to load credentials from any provider"
                + " — pass -k/-s, --profile or the AWS_* environment variables");
    assertThat(f.bug()).isFalse();
  }

  @Test
  void of_anythingElse_isALauncherBug111NotTheTasksFailure() {
    Failure f = Failure.of(new IllegalStateException("no container"));

    assertThat(f.exitCode()).isEqualTo(111);
    assertThat(f.message()).contains("a bug in the launcher").contains("no container");
    assertThat(f.bug()).isTrue();
  }
}
