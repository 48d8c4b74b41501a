package dev.runtask.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void looksSecret_typicalNames_detected() {
    assertThat(
            List.of(
                "--api-token",
                "--db-password",
                "--passwd",
                "--secret",
                "--aws-key",
                "--credentials"))
        .allMatch(Secrets::looksSecret);
    assertThat(List.of("--name", "--since", "--batch-size", "--dry-run"))
        .noneMatch(Secrets::looksSecret);
  }

  @Test
  void redact_everyWayAValueCanBePassed_masked() {
    List<String> args =
        List.of(
            "--name",
            "bob",
            "--api-token",
            "s3cr3t",
            "--db-password=hunter2",
            "-ts3cr3t",
            "-vxts3cr3t",
            "f.csv");

    assertThat(Secrets.redact(args, List.of("s3cr3t", "hunter2")))
        .containsExactly(
            "--name",
            "bob",
            "--api-token",
            "****",
            "--db-password=****",
            "-t****",
            "-vxt****",
            "f.csv");
  }

  @Test
  void redact_noSecretValues_argumentsUnchanged() {
    List<String> args = List.of("--rotate-keys", "report.csv", "--token=");

    assertThat(Secrets.redact(args, List.of(""))).isEqualTo(args);
  }
}
