package dev.runtask.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtask.launcher.exit.LauncherException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {
  private final Templates templates =
      new Templates(Map.of("DB_HOST", "db.internal", "EMPTY", ""), "abc123");

  private JsonNode render(String json) throws Exception {
    return templates.render(new ObjectMapper().readTree(json), "t.json");
  }

  @Test
  void render_mustEnvSet_substitutesInsideLargerString() throws Exception {
    assertThat(
            render("{\"url\": \"jdbc:postgresql://{{ must_env \\\"DB_HOST\\\" }}:5432/x\"}")
                .path("url")
                .asText())
        .isEqualTo("jdbc:postgresql://db.internal:5432/x");
  }

  @Test
  void render_envUnsetOrEmpty_usesDefault() throws Exception {
    JsonNode node =
        render(
            "{\"a\": [\"{{ env \\\"NOPE\\\" \\\"fallback\\\" }}\", \"{{env \\\"EMPTY\\\" \\\"d\\\"}}\"]}");
    assertThat(node.path("a").get(0).asText()).isEqualTo("fallback");
    assertThat(node.path("a").get(1).asText()).isEqualTo("d");
  }

  @Test
  void render_imageTag_isTheConfiguredTag() throws Exception {
    assertThat(render("{\"image\": \"repo:{{ image_tag }}\"}").path("image").asText())
        .isEqualTo("repo:abc123");
  }

  @Test
  void render_valueWithQuotes_cannotBreakTheJson() throws Exception {
    Templates quoting = new Templates(Map.of("X", "a\"b\nc"), "t");
    assertThat(
            quoting
                .render(
                    new ObjectMapper().readTree("{\"v\": \"{{ must_env \\\"X\\\" }}\"}"), "t.json")
                .path("v")
                .asText())
        .isEqualTo("a\"b\nc");
  }

  @Test
  void render_mustEnvMissing_namesFilePathAndVariable() {
    assertThatThrownBy(
            () -> render("{\"net\": {\"subnets\": [\"{{ must_env \\\"SUBNET\\\" }}\"]}}"))
        .isInstanceOf(LauncherException.class)
        .hasMessage(
            "t.json: net.subnets[0]: environment variable SUBNET is not set (required by {{ must_env \"SUBNET\" }})");
  }

  @Test
  void render_unknownFunction_isRejected() {
    assertThatThrownBy(() -> render("{\"v\": \"{{ getenv \\\"X\\\" }}\"}"))
        .hasMessageContaining("unknown template function \"getenv\"");
  }

  @Test
  void render_unparseablePlaceholder_isRejected() {
    assertThatThrownBy(() -> render("{\"v\": \"{{ env X }}\"}"))
        .hasMessageContaining("cannot read placeholder");
  }

  @Test
  void render_noImageTagKnown_asksForImageTagOption() {
    Templates noTag = new Templates(Map.of(), null);
    assertThatThrownBy(
            () ->
                noTag.render(
                    new ObjectMapper().readTree("{\"i\": \"r:{{ image_tag }}\"}"), "t.json"))
        .hasMessageContaining("pass --image-tag");
  }
}
