package dev.runtask.launcher.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's messages and redaction; what is accepted is LauncherRuntimeAgreementTest's. */
class TaskArgumentsTest {
  private final BundledManifest manifest = BundledManifest.load(Path.of("."));

  private TaskArguments check(String task, String... args) {
    return TaskArguments.check(
        manifest.task(task), List.of(args), List.of("--dry-run", "--no-wait"));
  }

  @Test
  void check_secretOption_isRedactedForDisplayOnly() {
    TaskArguments v =
        check("import-users", "--api-token", "s3cr3t", "--batch-size=50", "--dry-run", "users.csv");

    assertThat(v.args())
        .containsExactly("--api-token", "s3cr3t", "--batch-size=50", "--dry-run", "users.csv");
    assertThat(v.redacted())
        .containsExactly("--api-token", "****", "--batch-size=50", "--dry-run", "users.csv");
  }

  @Test
  void check_secretInEqualsForm_isRedacted() {
    assertThat(check("import-users", "--api-token=s3cr3t", "f").redacted())
        .containsExactly("--api-token=****", "f");
  }

  @Test
  void check_flagWithValue_namesOptionAndValue() {
    assertThatThrownBy(() -> check("import-users", "--api-token", "t", "--dry-run=yes", "f"))
        .hasMessage(
            "task import-users: option '--dry-run' should be specified without 'yes' parameter");
  }

  @Test
  void check_optionWithoutValue_namesTheValueExpected() {
    assertThatThrownBy(() -> check("hello-world", "--name"))
        .hasMessage("task hello-world: Missing required parameter for option '--name' (<name>)");
  }

  @Test
  void check_badInteger_namesOptionAndValue() {
    assertThatThrownBy(() -> check("import-users", "--api-token", "t", "--batch-size", "many", "f"))
        .hasMessage(
            "task import-users: Invalid value for option '--batch-size': 'many' is not an int");
  }

  @Test
  void check_negativeNumberAsValue_isAccepted() {
    assertThat(check("sleep", "--seconds", "-1").args()).containsExactly("--seconds", "-1");
  }

  @Test
  void check_misspelledLauncherOption_saysItIsTheLaunchersAndWhereItGoes() {
    assertThatThrownBy(() -> check("hello-world", "--no-wiat"))
        .hasMessage(
            "task hello-world: unknown option --no-wiat — did you mean the launcher option"
                + " \"--no-wait\"? (launcher options go before --)");
  }

  @Test
  void check_help_answersWithTheTasksUsage() {
    TaskArguments v = check("import-users", "--help");

    assertThat(v.usageHelp())
        .hasValueSatisfying(u -> assertThat(u).contains("--api-token=<token>"));
  }

  @Test
  void task_unknown_listsKnownTasksAndSuggests() {
    assertThatThrownBy(() -> manifest.task("sleeep"))
        .hasMessageStartingWith("unknown task \"sleeep\" — did you mean \"sleep\"?")
        .hasMessageContaining("known: hello-world, import-users, sleep");
  }
}
