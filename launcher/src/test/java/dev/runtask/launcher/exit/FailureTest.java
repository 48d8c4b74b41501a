package dev.runtask.launcher.exit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.StsException;

class FailureTest {
  @Test
  void of_launcherException_keepsItsCodeAndLine() {
    Failure f = Failure.of(LauncherException.badInput("unknown environment \"x\""));

    assertThat(f).isEqualTo(new Failure(2, "unknown environment \"x\"", false));
  }

  @Test
  void of_sdkExceptionEvenWrapped_is110NamingTheOperationAClientNoted() {
    SdkClientException refused = SdkClientException.create("Connection refused");
    FailedCalls.note(refused, "ecs:RunTask");

    Failure f = Failure.of(new CompletionException(refused));

    assertThat(f).isEqualTo(new Failure(110, "ecs:RunTask failed: Connection refused", false));
  }

  @Test
  void of_refusedCredentials_sayHowToPassOthers() {
    Failure f =
        Failure.of(
            StsException.builder()
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode("ExpiredToken")
                        .errorMessage("The security token included in the request is expired")
                        .build())
                .build());

    assertThat(f.exitCode()).isEqualTo(110);
    assertThat(f.message())
        .startsWith("AWS call failed: The security token included in the request is expired")
        .endsWith(
            "the credentials were refused: pass valid ones with -k/-s, --profile or the AWS_*"
                + " environment variables");
  }

  @Test
  void of_error_isALauncherBug111() {
    Failure f = Failure.of(new NoClassDefFoundError("software/amazon/awssdk/Missing"));

    assertThat(f.exitCode()).isEqualTo(111);
    assertThat(f.bug()).isTrue();
  }

  @Test
  void of_anythingElse_isALauncherBug111NotTheTasksFailure() {
    Failure f = Failure.of(new IllegalStateException("no container"));

    assertThat(f.exitCode()).isEqualTo(111);
    assertThat(f.message()).contains("a bug in the launcher").contains("no container");
    assertThat(f.bug()).isTrue();
  }
}
