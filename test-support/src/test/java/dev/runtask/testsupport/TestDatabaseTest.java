package dev.runtask.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtask.testharness.TestDatabaseLocation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {
  @Test
  void open_configuredServerUnreachable_failsLoudlyWithHowToFixInsteadOfSkipping() {
    Map<String, String> env =
        Map.of(TestDatabaseLocation.URL, "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2");

    assertThatThrownBy(() -> TestDatabase.open(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "Database tests need PostgreSQL at jdbc:postgresql://127.0.0.1:1/test")
        .hasMessageContaining("pg_ctlcluster");
  }
}
