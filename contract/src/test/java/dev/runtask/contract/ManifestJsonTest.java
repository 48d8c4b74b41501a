package dev.runtask.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtask.contract.TaskManifest.OptionSpec;
import dev.runtask.contract.TaskManifest.PositionalSpec;
import dev.runtask.contract.TaskManifest.TaskSpec;
import dev.runtask.contract.TaskManifest.ValueSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {
  private static ValueSpec value(String type, String arity) {
    return new ValueSpec(
        type, List.of(), arity, true, false, null, "<v>", "", List.of(), null, false);
  }

  private static final TaskManifest MANIFEST =
      new TaskManifest(
          List.of(
              new TaskSpec(
                  "import-users",
                  "Imports \"users\"\nfrom a file\t(100%)",
                  true,
                  List.of(
                      new OptionSpec(
                          List.of("-t", "--api-token"),
                          new ValueSpec(
                              "java.lang.String",
                              List.of(),
                              "1",
                              false,
                              true,
                              null,
                              "<token>",
                              "Token",
                              List.of(),
                              null,
                              false),
                          false,
                          true),
                      new OptionSpec(
                          List.of("--mode"),
                          new ValueSpec(
                              "com.example.Mode",
                              List.of(),
                              "1",
                              false,
                              false,
                              "FAST",
                              "<mode>",
                              "",
                              List.of("FAST", "SAFE"),
                              null,
                              false),
                          false,
                          false),
                      new OptionSpec(
                          List.of("--ids"),
                          new ValueSpec(
                              "java.util.List",
                              List.of("java.lang.Long"),
                              "1",
                              false,
                              false,
                              null,
                              "<id>",
                              "",
                              List.of(),
                              ",",
                              true),
                          false,
                          false),
                      new OptionSpec(List.of("--colour"), value("boolean", "0"), true, false)),
                  List.of(new PositionalSpec("0", value("java.nio.file.Path", "1")))),
              new TaskSpec("sleep", "", false, List.of(), List.of())));

  @Test
  void read_whatWriteWrote_sameManifest() {
    String json = ManifestJson.write(MANIFEST);

    assertThat(ManifestJson.read(json, "test")).isEqualTo(MANIFEST);
  }

  @Test
  void write_defaultsLeftOut_documentedKeysOnly() {
    String json = ManifestJson.write(MANIFEST);

    assertThat(json)
        .contains("\"names\": [\"-t\", \"--api-token\"]")
        .contains("\"values\": [\"FAST\", \"SAFE\"]")
        .contains("\"auxiliaryTypes\": [\"java.lang.Long\"]")
        .contains("\"negatable\": true")
        .doesNotContain("\"negatable\": false")
        .doesNotContain("\"customConverter\": false")
        .endsWith("}\n");
  }

  @Test
  void read_unknownKeysAndMissingOptionalOnes_ignoredAndDefaulted() {
    String json =
        "{\"version\": 2, \"tasks\": [{\"name\": \"hello-world\", \"aliases\": [\"hi\"],"
            + " \"options\": [{\"names\": [\"--name\"], \"type\": \"java.lang.String\","
            + " \"arity\": \"1\", \"future\": {\"x\": 1.5e3}}]}]}";

    TaskSpec task = ManifestJson.read(json, "m.json").find("hello-world").orElseThrow();

    assertThat(task.description()).isEmpty();
    assertThat(task.positionals()).isEmpty();
    assertThat(task.options().get(0).value().values()).isEmpty();
    assertThat(task.options().get(0).secret()).isFalse();
  }

  @Test
  void read_malformed_namesSourceLineAndColumn() {
    assertThatThrownBy(() -> ManifestJson.read("{\"tasks\": [\n  {\"name\" \"x\"}]}", "m.json"))
        .isInstanceOf(ManifestFormatException.class)
        .hasMessage("m.json:2:11: expected ':'");
  }

  @Test
  void read_wrongShape_namesTheKey() {
    assertThatThrownBy(() -> ManifestJson.read("{\"tasks\": [{\"name\": 3}]}", "m.json"))
        .hasMessage("m.json: \"tasks[0].name\": expected a string");
    assertThatThrownBy(
            () ->
                ManifestJson.read("{\"tasks\": [{\"name\": \"a\", \"options\": [{}]}]}", "m.json"))
        .hasMessage("m.json: \"tasks[0].options[0].names\": expected a list");
  }

  @Test
  void read_duplicateKey_refused() {
    assertThatThrownBy(() -> ManifestJson.read("{\"tasks\": [], \"tasks\": []}", "m.json"))
        .hasMessageContaining("duplicate key \"tasks\"");
  }
}
