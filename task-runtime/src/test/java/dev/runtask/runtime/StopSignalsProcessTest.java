package dev.runtask.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SIGTERM/SIGINT on a real child process, as ECS StopTask and Ctrl-C deliver them. */
class StopSignalsProcessTest {

  @Test
  void sigterm_runningTask_cleansUpLogsThatItWasStoppedAndExits143() throws Exception {
    try (ChildJvm child = ChildJvm.start(Map.of(), "blocks")) {
      child.awaitStdoutLine(line -> line.contains("blocking until stopped"));

      child.signal("TERM");

      assertThat(child.awaitExit()).isEqualTo(143);
      assertThat(String.join("\n", child.stdout()))
          .contains(
              "Received SIGTERM: stopping the task (grace 25 s)",
              "cleaning up",
              "Task blocks was stopped by SIGTERM",
              "finished with exit code 143");
    }
  }

  @Test
  void sigint_runningTask_exits130() throws Exception {
    try (ChildJvm child = ChildJvm.start(Map.of(), "blocks")) {
      child.awaitStdoutLine(line -> line.contains("blocking until stopped"));

      child.signal("INT");

      assertThat(child.awaitExit()).isEqualTo(130);
      assertThat(String.join("\n", child.stdout())).contains("Task blocks was stopped by SIGINT");
    }
  }

  @Test
  void sigterm_taskIgnoresStop_processStillExits143WhenGraceEnds() throws Exception {
    try (ChildJvm child =
        ChildJvm.start(Map.of("RUNTASK_STOP_GRACE_SECONDS", "1"), "ignores-stop")) {
      child.awaitStdoutLine(line -> line.contains("ignoring stop requests"));

      child.signal("TERM");

      assertThat(child.awaitExit()).isEqualTo(143);
      assertThat(String.join("\n", child.stdout()))
          .contains("interrupted, carrying on", "Task did not stop within 1 s of SIGTERM");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "9223372036854775807", "-1"})
  void invalidGraceSetting_exits2NamingTheVariable(String grace) throws Exception {
    try (ChildJvm child =
        ChildJvm.start(
            Map.of("RUNTASK_STOP_GRACE_SECONDS", grace), "returns-code", "--code", "0")) {
      assertThat(child.awaitExit()).isEqualTo(2);
      assertThat(child.stderr())
          .isEqualTo(
              "RUNTASK_STOP_GRACE_SECONDS="
                  + grace
                  + " is not valid: expected whole seconds from 0 to 120 (default 25;"
                  + " ECS kills a container at most 120 s after SIGTERM)");
    }
  }

  /** The work was done when SIGTERM came: the run reports the task's own result, not 143. */
  @Test
  void sigterm_afterTheWorkIsDone_exitsWithTheTasksOwnCode() throws Exception {
    try (ChildJvm child = ChildJvm.start(Map.of(), "done-then-waits")) {
      child.awaitStdoutLine(line -> line.contains("work done"));

      child.signal("TERM");
      child.awaitStdoutLine(line -> line.contains("Received SIGTERM"));
      child.writeStdin("go on");

      assertThat(child.awaitExit()).isEqualTo(5);
      assertThat(String.join("\n", child.stdout()))
          .contains("SIGTERM arrived after task done-then-waits had done its work")
          .doesNotContain("was stopped by");
    }
  }
}
