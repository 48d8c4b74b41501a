package dev.runtask.runtime.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.db.DryRun;
import dev.runtask.runtime.index.TaskIndex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a user sees of a task command built from the index: binding, masking, errors, help. */
class TaskDispatcherTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final TaskDispatcher dispatcher =
      new TaskDispatcher(
          TaskIndex.load(getClass().getClassLoader()),
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  private Dispatch dispatch(String... args) {
    return dispatcher.dispatch(List.of(args));
  }

  @Test
  void dispatch_enumInLowerCaseSecretArrayAndDryRun_boundAndLoggedMasked() {
    Dispatch.Ready ready =
        (Dispatch.Ready)
            dispatch(
                "every-option",
                "-n",
                "2",
                "--mode",
                "fast",
                "--secret-key",
                "hunter2",
                "--numbers",
                "7",
                "8",
                "--dry-run",
                "in.csv");

    assertThat(ready.optionSummary())
        .isEqualTo(
            "--count=2 --mode=FAST --secret-key=**** --numbers=[7, 8] --dry-run=true in.csv");
    assertThat(ready.redactedArgs()).contains("****").doesNotContain("hunter2");
    assertThat(DryRun.requestedBy(ready.task())).isTrue();
  }

  @Test
  void dispatch_mistypedOption_oneLineWithTheClosestName() {
    assertThat(dispatch("every-option", "-n", "1", "--mod", "fast", "in.csv"))
        .isEqualTo(new Dispatch.Answered(2));
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "every-option: Unknown option '--mod'. Did you mean --mode? (see: tasks.jar"
                + " every-option --help)\n");
  }

  @Test
  void dispatch_requiredOptionMissing_namesIt() {
    assertThat(dispatch("every-option", "in.csv")).isEqualTo(new Dispatch.Answered(2));
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("every-option: Missing required option: '--count=<count>'");
  }

  @Test
  void dispatch_help_showsInheritedMixinAndDefaultValuesButNotHiddenOptions() {
    assertThat(dispatch("every-option", "--help")).isEqualTo(new Dispatch.Answered(0));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "Test task taking every kind of option, 100% checked",
            "--verbose",
            "--dry-run",
            "How to go: FAST, SAFE",
            "A second line, 100% sure",
            "Starts at the field's value (default: 5)",
            "<source>")
        .doesNotContain("--secret-key");
  }
}
