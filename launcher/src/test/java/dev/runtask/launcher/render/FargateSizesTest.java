package dev.runtask.launcher.render;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.launcher.exit.LauncherException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AWS's Fargate size table, at its edges. */
class FargateSizesTest {
  private static ObjectNode definition(String cpu, String memory) {
    return JsonNodeFactory.instance.objectNode().put("cpu", cpu).put("memory", memory);
  }

  @ParameterizedTest(name = "cpu {0}, memory {1}")
  @CsvSource({
    "256, 512",
    "256, 2048",
    "512, 4096",
    "1024, 8192",
    "2048, 16384",
    "4096, 30720",
    "8192, 61440",
    "16384, 32768",
    "16384, 122880",
    "1 vCPU, 2GB",
    ".25 vcpu, 1 GB"
  })
  void check_validSize_passes(String cpu, String memory) {
    assertThatCode(() -> FargateSizes.check(definition(cpu, memory), "f.json"))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "cpu {0}, memory {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "333 | 512 | f.json: Fargate has no cpu \"333\": use one of 256, 512, 1024, 2048, 4096, 8192 or 16384",
        "256 | 4096 | f.json: Fargate cpu 256 takes memory 512, 1024 or 2048 (MiB), not \"4096\"",
        "512 | 1536 | f.json: Fargate cpu 512 takes memory 1024, 2048, 3072 or 4096 (MiB), not \"1536\"",
        "4096 | 31744 | f.json: Fargate cpu 4096 takes memory 8192 to 30720 in steps of 1024 (MiB), not \"31744\"",
        "8192 | 18432 | f.json: Fargate cpu 8192 takes memory 16384 to 61440 in steps of 4096 (MiB), not \"18432\"",
        "16384 | 36864 | f.json: Fargate cpu 16384 takes memory 32768 to 122880 in steps of 8192 (MiB), not \"36864\"",
      })
  void check_invalidSize_refusedListingTheValidMemory(String cpu, String memory, String message) {
    assertThatThrownBy(() -> FargateSizes.check(definition(cpu, memory), "f.json"))
        .isInstanceOf(LauncherException.class)
        .hasMessage(message);
  }
}
