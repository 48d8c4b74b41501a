package dev.runtask.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogRenderingTest {
  // 2026-12-01T10:15:30.042Z
  private static final long AT = 1796120130042L;
  private static final LogRendering PLAIN = LogRendering.of(false, Map.of(), ZoneOffset.UTC);
  private static final LogRendering COLOUR = LogRendering.of(true, Map.of(), ZoneOffset.UTC);

  private static LogEvent event(String level, String message, String stackTrace) {
    return new LogEvent(AT, level, "main", "x.Y", Map.of("task", "t"), message, stackTrace, null);
  }

  @Test
  void render_timeLevelMessage_likeTheRuntimesTextLayout() {
    assertThat(PLAIN.render(event("INFO", "Hello, Ada!", null)))
        .isEqualTo("10:15:30.042 INFO  Hello, Ada!");
    assertThat(PLAIN.render(event("ERROR", "Task x failed", null)))
        .isEqualTo("10:15:30.042 ERROR Task x failed");
  }

  @Test
  void render_stackTrace_onTheLinesBelow() {
    String trace = "java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)\n";

    assertThat(PLAIN.render(event("ERROR", "Task x failed", trace)).lines())
        .containsExactly(
            "10:15:30.042 ERROR Task x failed",
            "java.lang.IllegalStateException: boom",
            "\tat a.B.c(B.java:1)");
  }

  @Test
  void render_onATerminal_levelInColour() {
    assertThat(COLOUR.render(event("ERROR", "m", null)))
        .isEqualTo("10:15:30.042 \u001b[1;31mERROR\u001b[0;39m m");
    assertThat(COLOUR.render(event("INFO", "m", null)))
        .isEqualTo("10:15:30.042 \u001b[34mINFO \u001b[0;39m m");
  }

  @Test
  void render_noColorSet_noEscapes() {
    LogRendering noColor = LogRendering.of(true, Map.of("NO_COLOR", "1"), ZoneOffset.UTC);

    assertThat(noColor.render(event("ERROR", "m", null))).doesNotContain("\u001b");
  }

  @Test
  void renderLine_runtimeJson_renderedOtherLinesUnchanged() {
    String json = event("WARN", "careful", null).toJson();

    assertThat(PLAIN.renderLine(json)).isEqualTo("10:15:30.042 WARN  careful");
    assertThat(PLAIN.renderLine("Picked up JAVA_TOOL_OPTIONS: -Xmx1g"))
        .isEqualTo("Picked up JAVA_TOOL_OPTIONS: -Xmx1g");
    assertThat(PLAIN.renderLine("{\"other\":1}")).isEqualTo("{\"other\":1}");
  }
}
