package dev.runtask.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StopGraceTest {
  @ParameterizedTest
  @ValueSource(strings = {"0", "25", "120", " 7 "})
  void from_wholeSecondsInRange_accepted(String value) {
    assertThat(StopGrace.from(Map.of(StopGrace.VARIABLE, value)))
        .isEqualTo(Duration.ofSeconds(Long.parseLong(value.trim())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "121", "-1", "soon", "1.5"})
  void from_outOfRangeOrNotANumber_refusedNamingTheVariable(String value) {
    assertThatThrownBy(() -> StopGrace.from(Map.of(StopGrace.VARIABLE, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("RUNTASK_STOP_GRACE_SECONDS=" + value + " is not valid")
        .hasMessageContaining("from 0 to 120");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void from_unset_default25(String value) {
    assertThat(StopGrace.from(Map.of(StopGrace.VARIABLE, value))).hasSeconds(25);
    assertThat(StopGrace.from(Map.of())).hasSeconds(25);
  }
}
