package dev.runtask.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.testharness.PackageRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The runtime's package rules (docs/ARCHITECTURE.md): every package, no cycles. */
class PackageRulesTest {
  @Test
  void sources_everyPackage_usesOnlyAllowedPackages() {
    PackageRules rules =
        PackageRules.of(Path.of("src/main/java"), "dev.runtask.runtime")
            .allow(PackageRules.ROOT, "api", "db", "dispatch", "execution", "index", "logging")
            .allow("manifest", "dispatch", "index", "logging")
            .allow("dispatch", "api", "index", "logging")
            .allow("execution", "api", "db", "records", "tcc", "tx")
            .allow("index", "api")
            .allow("api", "db")
            .allow("records", "api", "db", "lock", "tx")
            .allow("tcc", "api", "db", "tx")
            .allow("lock", "db", "tx")
            .allow("db", "tx")
            .allow("tx")
            .allow("logging");

    assertThat(rules.violations()).isEmpty();
  }
}
