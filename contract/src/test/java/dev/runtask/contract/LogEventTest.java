package dev.runtask.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogEventTest {
  private static final LogEvent LAST =
      new LogEvent(
          1796116468904L,
          "INFO",
          "main",
          "dev.runtask.runtime.execution.ExecutionRunner",
          Map.of("task", "hello-world", "runId", "r-1"),
          "Task hello-world finished with exit code 3 after 12 ms",
          null,
          3);

  @Test
  void toJson_oneLineWithTheContractsFieldNames() {
    String json = LAST.toJson();

    assertThat(json)
        .doesNotContain("\n")
        .startsWith("{\"" + LogFields.TIMESTAMP + "\":1796116468904,")
        .contains("\"" + LogFields.LEVEL + "\":\"INFO\"")
        .contains("\"" + LogFields.MDC + "\":{")
        .contains("\"" + LogFields.MESSAGE + "\":\"Task hello-world finished")
        .endsWith(",\"" + LogFields.EXIT_CODE + "\":3}");
  }

  @Test
  void parse_whatToJsonWrote_sameEventBack() {
    LogEvent failed =
        new LogEvent(
            1L,
            "ERROR",
            null,
            null,
            Map.of(),
            "Task x failed: \"quoted\"\ttab",
            "java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)\n",
            null);

    assertThat(LogEvent.parse(LAST.toJson())).contains(LAST);
    assertThat(LogEvent.parse(failed.toJson())).contains(failed);
    assertThat(LogEvent.parse(LAST.toJson()).orElseThrow().endOfLog()).isTrue();
    assertThat(LogEvent.parse(failed.toJson()).orElseThrow().endOfLog()).isFalse();
  }

  @Test
  void parse_linesThatAreNotTheRuntimes_empty() {
    assertThat(LogEvent.parse("plain text")).isEmpty();
    assertThat(LogEvent.parse("")).isEmpty();
    assertThat(LogEvent.parse("{\"timestamp\":1,\"level\":\"INFO\"")).isEmpty();
    assertThat(LogEvent.parse("{\"some\":\"other json\"}")).isEmpty();
    assertThat(
            LogEvent.parse("{\"timestamp\":\"x\",\"level\":\"INFO\",\"formattedMessage\":\"m\"}"))
        .isEmpty();
    assertThat(LogEvent.parse("{not json}")).isEmpty();
  }
}
