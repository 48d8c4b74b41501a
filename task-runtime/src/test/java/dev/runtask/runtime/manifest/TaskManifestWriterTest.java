package dev.runtask.runtime.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.contract.ManifestJson;
import dev.runtask.contract.TaskManifest;
import dev.runtask.contract.TaskManifest.OptionSpec;
import dev.runtask.runtime.index.TaskIndex;
import org.junit.jupiter.api.Test;

class TaskManifestWriterTest {
  private final TaskManifest manifest =
      TaskManifestWriter.manifestOf(TaskIndex.load(getClass().getClassLoader()));

  private OptionSpec option(String task, String name) {
    return manifest.find(task).orElseThrow().options().stream()
        .filter(o -> o.names().contains(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void manifest_testTasks_describeTheirOptionsAsTheRuntimeParsesThem() {
    assertThat(option("echo-options", "--count").value().type()).isEqualTo("int");
    assertThat(option("echo-options", "--count").value().required()).isTrue();
    assertThat(option("echo-options", "--verbose").isFlag()).isTrue();
    assertThat(option("echo-options", "--api-token").secret()).isTrue();
    assertThat(option("echo-options", "--count").secret()).isFalse();
    assertThat(manifest.find("echo-options").orElseThrow().options())
        .noneMatch(o -> o.names().contains("--help"));
  }

  @Test
  void manifest_writtenAndReadBack_isTheSame() {
    assertThat(ManifestJson.read(ManifestJson.write(manifest), "test")).isEqualTo(manifest);
  }
}
