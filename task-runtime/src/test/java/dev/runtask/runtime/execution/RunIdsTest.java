package dev.runtask.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Run ids name records, log lines, locks and ECS tags: random version-4 UUIDs, never repeated. */
class RunIdsTest {

  @Test
  void next_isAVersion4IetfUuid() {
    UUID id = UUID.fromString(RunIds.next());

    assertThat(id.version()).isEqualTo(4);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void fromRandomBytes_allOnesOrAllZeros_stillVersion4AndIetfVariant() {
    byte[] ones = new byte[16];
    Arrays.fill(ones, (byte) 0xff);

    assertThat(RunIds.fromRandomBytes(ones).toString())
        .isEqualTo("ffffffff-ffff-4fff-bfff-ffffffffffff");
    assertThat(RunIds.fromRandomBytes(new byte[16]).toString())
        .isEqualTo("00000000-0000-4000-8000-000000000000");
  }

  @Test
  void next_tenThousandIds_allDifferent() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(RunIds.next());
    }

    assertThat(ids).hasSize(10_000);
  }
}
