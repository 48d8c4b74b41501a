package dev.runtask.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Only the task document's own TaskARN is the ARN every log line carries. */
class EcsTaskMetadataTest {

  @Test
  void taskArnIn_afterNestedObjectsAndArraysThatHaveTheirOwnTaskArnFields_isTheTopLevelOne()
      throws IOException {
    String json =
        "{\"Cluster\":\"batch\",\"Containers\":[{\"Name\":\"app\",\"TaskARN\":\"inner\"}],"
            + "\"Limits\":{\"CPU\":0.25,\"TaskARN\":\"nested\"},"
            + "\"TaskARN\":\"arn:aws:ecs:eu-west-1:123456789012:task/batch/abc\",\"Family\":\"f\"}";

    assertThat(EcsTaskMetadata.taskArnIn(stream(json)))
        .contains("arn:aws:ecs:eu-west-1:123456789012:task/batch/abc");
  }

  @Test
  void taskArnIn_missingNotAStringOrNotAnObject_isEmpty() throws IOException {
    assertThat(EcsTaskMetadata.taskArnIn(stream("{\"Cluster\":\"batch\"}"))).isEmpty();
    assertThat(EcsTaskMetadata.taskArnIn(stream("{\"TaskARN\":42}"))).isEmpty();
    assertThat(EcsTaskMetadata.taskArnIn(stream("[\"TaskARN\"]"))).isEmpty();
  }

  @Test
  void taskArnInBackground_notOnEcs_empty() {
    assertThat(EcsTaskMetadata.taskArnInBackground(Map.of()).get()).isEqualTo(Optional.empty());
    assertThat(EcsTaskMetadata.taskArnInBackground(Map.of(EcsTaskMetadata.VARIABLE, " ")).get())
        .isEmpty();
  }

  private static ByteArrayInputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
