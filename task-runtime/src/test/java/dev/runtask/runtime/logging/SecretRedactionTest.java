package dev.runtask.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {
  private static final List<String> VALUE_OPTIONS =
      List.of("--api-token", "--db-password", "--name", "--key-file");

  @Test
  void looksSecret_namesWithSecretWords_areSecret() {
    assertThat(
            List.of(
                "--password",
                "--db-password",
                "--api-token",
                "--secret",
                "--access-key",
                "--aws-credentials"))
        .allMatch(SecretRedaction::looksSecret);
    assertThat(List.of("--name", "--seconds", "--file", "--since"))
        .noneMatch(SecretRedaction::looksSecret);
  }

  @Test
  void redactArgs_separateAndAttachedValues_areMasked() {
    assertThat(
            SecretRedaction.redactArgs(
                List.of(
                    "--name",
                    "bob",
                    "--api-token",
                    "abc123",
                    "--db-password=pw",
                    "--since",
                    "2026-01-01"),
                VALUE_OPTIONS))
        .containsExactly(
            "--name", "bob", "--api-token", "****", "--db-password=****", "--since", "2026-01-01");
  }

  @Test
  void redactArgs_afterDoubleDash_argumentsAreLeftAlone() {
    assertThat(SecretRedaction.redactArgs(List.of("--", "--api-token", "literal"), VALUE_OPTIONS))
        .containsExactly("--", "--api-token", "literal");
  }

  @Test
  void redactArgs_secretLookingFlagWithoutValue_doesNotMaskTheNextArgument() {
    assertThat(SecretRedaction.redactArgs(List.of("--rotate-keys", "report.csv"), VALUE_OPTIONS))
        .containsExactly("--rotate-keys", "report.csv");
  }
}
