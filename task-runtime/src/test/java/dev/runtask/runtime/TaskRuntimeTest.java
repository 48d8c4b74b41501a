package dev.runtask.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.runtask.runtime.execution.StopRequest;
import dev.runtask.runtime.testtasks.Blocks;
import dev.runtask.runtime.testtasks.EchoOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TaskRuntimeTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private TaskRuntime runtime;

  @BeforeEach
  void setUp() {
    runtime =
        TaskRuntime.builder()
            .out(new PrintStream(out, true, StandardCharsets.UTF_8))
            .err(new PrintStream(err, true, StandardCharsets.UTF_8))
            .env(Map.of())
            .build();
    logs.start();
    root().addAppender(logs);
    EchoOptions.RUNS.clear();
  }

  @AfterEach
  void tearDown() {
    root().detachAppender(logs);
  }

  @Test
  void execute_knownTaskWithOptions_bindsOptionsAndExitsZero() {
    assertThat(runtime.execute("echo-options", "--count", "3", "--verbose")).isZero();
    assertThat(EchoOptions.RUNS)
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.count).isEqualTo(3);
              assertThat(run.verbose).isTrue();
            });
    assertThat(messages())
        .contains("Starting task echo-options with --count=3 --verbose=true", "count is 3");
  }

  @Test
  void execute_unknownTask_exits2WithDidYouMean() {
    assertThat(runtime.execute("echo-option", "--count", "1")).isEqualTo(2);
    assertThat(stderr())
        .isEqualTo(
            "Unknown task 'echo-option'. Did you mean echo-options? tasks.jar --help lists the tasks.\n");
    assertThat(EchoOptions.RUNS).isEmpty();
  }

  @Test
  void execute_badOptionValue_exits2NamingOptionAndValue() {
    assertThat(runtime.execute("echo-options", "--count", "three")).isEqualTo(2);
    assertThat(stderr())
        .contains("echo-options: Invalid value for option '--count': 'three' is not an int")
        .hasLineCount(1);
  }

  @Test
  void execute_missingRequiredOption_exits2NamingIt() {
    assertThat(runtime.execute("echo-options")).isEqualTo(2);
    assertThat(stderr()).contains("Missing required option: '--count=<count>'").hasLineCount(1);
  }

  @Test
  void execute_misspelledOption_exits2WithDidYouMean() {
    assertThat(runtime.execute("echo-options", "--cout", "1")).isEqualTo(2);
    assertThat(stderr()).contains("Unknown option '--cout'. Did you mean --count?");
  }

  @Test
  void execute_noArguments_exits2WithUsage() {
    assertThat(runtime.execute()).isEqualTo(2);
    assertThat(stderr()).startsWith("No task given: expected tasks.jar TASK [options]");
  }

  @Test
  void execute_taskThrows_exits1WithOneLineSummaryAndStackTraceInLog() {
    assertThat(runtime.execute("fails")).isEqualTo(1);
    assertThat(stderr())
        .startsWith("fails failed: IllegalStateException: orders table is locked second line (run ")
        .hasLineCount(1);
    assertThat(logs.list)
        .anySatisfy(
            event -> {
              assertThat(event.getFormattedMessage()).isEqualTo("Task fails failed");
              assertThat(event.getThrowableProxy().getClassName())
                  .isEqualTo(IllegalStateException.class.getName());
            });
  }

  @Test
  void execute_taskReturnsItsOwnCode_exitsWithIt() {
    assertThat(runtime.execute("returns-code", "--code", "42")).isEqualTo(42);
  }

  @Test
  void execute_taskReturnsReservedCode_exits1AndSaysWhy() {
    assertThat(runtime.execute("returns-code", "--code", "143")).isEqualTo(1);
    assertThat(stderr()).contains("returned reserved exit code 143 (tasks use 0-99)");
  }

  @Test
  void execute_help_listsEveryTaskWithItsDescription() {
    assertThat(runtime.execute("--help")).isZero();
    assertThat(stdout())
        .contains(
            "echo-options",
            "Test task that records what it was given",
            "fails",
            "Test task that throws, 100% of the time");
  }

  @Test
  void execute_taskHelp_showsItsOptionsAndRunsNothing() {
    assertThat(runtime.execute("echo-options", "--help")).isZero();
    assertThat(stdout()).contains("--count=<count>", "--api-token=<apiToken>");
    assertThat(EchoOptions.RUNS).isEmpty();
  }

  @Test
  void execute_taskHelp_descriptionWithPercentSignIsShownAsWritten() {
    assertThat(runtime.execute("fails", "--help")).isZero();
    assertThat(stdout()).contains("Test task that throws, 100% of the time");
    assertThat(stderr()).isEmpty();
  }

  @Test
  void execute_secretLookingOption_valueNeverReachesTheLog() {
    assertThat(runtime.execute("echo-options", "--count", "1", "--api-token", "s3cr3t-value"))
        .isZero();
    assertThat(messages()).contains("Starting task echo-options with --count=1 --api-token=****");
    assertThat(String.join("\n", messages())).doesNotContain("s3cr3t-value");
  }

  @Test
  void execute_twoExecutionsInOneJvm_shareNothingMutable() {
    runtime.execute("echo-options", "--count", "1");
    runtime.execute("echo-options", "--count", "2");

    EchoOptions first = EchoOptions.RUNS.get(0);
    EchoOptions second = EchoOptions.RUNS.get(1);
    assertThat(second).isNotSameAs(first);
    assertThat(first.count).isEqualTo(1);
    assertThat(second.context).isNotSameAs(first.context);
    assertThat(second.context.runId()).isNotEqualTo(first.context.runId());
    assertThat(second.context.cancellation()).isNotSameAs(first.context.cancellation());
    assertThat(second.context.startedAt()).isAfterOrEqualTo(first.context.startedAt());
  }

  @Test
  void requestStop_whileTaskRuns_taskCleansUpAndExecutionExits143() throws Exception {
    Blocks.started = new CountDownLatch(1);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> exit = executor.submit(() -> runtime.execute("blocks"));
      // Bounded so a broken dispatch fails the test instead of hanging the build.
      assertThat(Blocks.started.await(60, java.util.concurrent.TimeUnit.SECONDS))
          .as("task started; stderr: %s", stderr())
          .isTrue();

      assertThat(runtime.requestStop(new StopRequest.Signal("SIGTERM", 143))).isTrue();

      assertThat(exit.get()).isEqualTo(143);
      assertThat(messages())
          .contains("cleaning up", "Task blocks was stopped by SIGTERM: InterruptedException");
      assertThat(runtime.running()).isEmpty();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void requestStop_nothingRunning_isRefused() {
    assertThat(runtime.requestStop(new StopRequest.Signal("SIGTERM", 143))).isFalse();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private java.util.List<String> messages() {
    return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
