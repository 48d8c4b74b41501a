package dev.runtask.launcher.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtask.launcher.manifest.ArgumentValidator.ValidatedArgs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentValidatorTest {
  private final BundledManifest manifest = BundledManifest.load(Path.of("."));

  private ValidatedArgs validate(String task, String... args) {
    return ArgumentValidator.validate(manifest.task(task), List.of(args));
  }

  @Test
  void validate_secretOption_isRedactedForDisplayOnly() {
    ValidatedArgs v =
        validate(
            "import-users", "--api-token", "s3cr3t", "--batch-size=50", "--dry-run", "users.csv");

    assertThat(v.args())
        .containsExactly("--api-token", "s3cr3t", "--batch-size=50", "--dry-run", "users.csv");
    assertThat(v.redacted())
        .containsExactly("--api-token", "****", "--batch-size=50", "--dry-run", "users.csv");
  }

  @Test
  void validate_secretInEqualsForm_isRedacted() {
    assertThat(validate("import-users", "--api-token=s3cr3t", "f").redacted())
        .containsExactly("--api-token=****", "f");
  }

  @Test
  void validate_flagWithValue_isRejected() {
    assertThatThrownBy(() -> validate("import-users", "--api-token", "t", "--dry-run=yes", "f"))
        .hasMessageContaining("--dry-run is a flag");
  }

  @Test
  void validate_optionWithoutValue_namesTheValueExpected() {
    assertThatThrownBy(() -> validate("hello-world", "--name"))
        .hasMessage("task hello-world: option --name needs a value <name>");
  }

  @Test
  void validate_badInteger_isRejected() {
    assertThatThrownBy(
            () -> validate("import-users", "--api-token", "t", "--batch-size", "many", "f"))
        .hasMessage("task import-users: --batch-size: \"many\" is not a valid int");
  }

  @Test
  void validate_negativeNumberAsValue_isAccepted() {
    assertThat(validate("sleep", "--seconds", "-1").args()).containsExactly("--seconds", "-1");
  }

  @Test
  void task_unknown_listsKnownTasksAndSuggests() {
    assertThatThrownBy(() -> manifest.task("sleeep"))
        .hasMessageStartingWith("unknown task \"sleeep\" — did you mean \"sleep\"?")
        .hasMessageContaining("known: hello-world, import-users, sleep");
  }
}
