package dev.runtask.launcher.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DefinitionNormalizerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode normalize(String json) throws Exception {
    return DefinitionNormalizer.normalize(JSON.readTree(json));
  }

  @Test
  void normalize_registeredFormWithDefaultsAndOtherOrder_equalsLocalForm() throws Exception {
    String local =
        "{\"family\":\"f\",\"cpu\":\"256\",\"memory\":512,\"networkMode\":\"awsvpc\","
            + "\"containerDefinitions\":[{\"name\":\"task\",\"image\":\"i\",\"portMappings\":[{\"containerPort\":8080}],"
            + "\"environment\":[{\"name\":\"B\",\"value\":\"2\"},{\"name\":\"A\",\"value\":\"1\"}]}],"
            + "\"tags\":[{\"key\":\"app\",\"value\":\"x\"}]}";
    String registered =
        "{\"taskDefinitionArn\":\"arn:...:f:3\",\"revision\":3,\"status\":\"ACTIVE\",\"family\":\"f\","
            + "\"cpu\":\"256\",\"memory\":\"512\",\"networkMode\":\"awsvpc\",\"compatibilities\":[\"EC2\",\"FARGATE\"],"
            + "\"volumes\":[],\"placementConstraints\":[],\"containerDefinitions\":[{\"name\":\"task\",\"image\":\"i\",\"cpu\":0,"
            + "\"essential\":true,\"mountPoints\":[],\"volumesFrom\":[],"
            + "\"portMappings\":[{\"containerPort\":8080,\"hostPort\":8080,\"protocol\":\"tcp\"}],"
            + "\"environment\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}]}]}";

    assertThat(normalize(registered)).isEqualTo(normalize(local));
    assertThat(DefinitionDiff.diff(normalize(registered), normalize(local))).isEmpty();
  }

  @Test
  void diff_changedImageAndAddedVariable_listsEachChange() throws Exception {
    JsonNode before =
        normalize(
            "{\"family\":\"f\",\"containerDefinitions\":[{\"name\":\"t\",\"image\":\"r:1\"}]}");
    JsonNode after =
        normalize(
            "{\"family\":\"f\",\"containerDefinitions\":[{\"name\":\"t\",\"image\":\"r:2\","
                + "\"environment\":[{\"name\":\"X\",\"value\":\"y\"}]}]}");

    assertThat(DefinitionDiff.diff(before, after))
        .containsExactly(
            "+ containerDefinitions[0].environment: [{\"name\":\"X\",\"value\":\"y\"}]",
            "~ containerDefinitions[0].image: \"r:1\" → \"r:2\"");
  }
}
