package dev.runtask.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.testharness.PackageRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The launcher's package rules (docs/ARCHITECTURE.md): every package, no cycles. */
class PackageRulesTest {
  @Test
  void sources_everyPackage_usesOnlyAllowedPackages() {
    PackageRules rules =
        PackageRules.of(Path.of("src/main/java"), "dev.runtask.launcher")
            .allow(PackageRules.ROOT, "cli", "aws", "config", "exit", "io")
            .allow(
                "cli",
                "run",
                "platform",
                "aws",
                "config",
                "exit",
                "explain",
                "io",
                "manifest",
                "ops",
                "render",
                "scaffold",
                "fanout")
            .allow(
                "fanout",
                "run",
                "platform",
                "watch",
                "aws",
                "config",
                "exit",
                "explain",
                "io",
                "render")
            .allow("run", "config", "exit", "manifest", "render", "explain", "io")
            .allow("platform", "run", "watch", "aws", "config", "exit", "explain", "io", "render")
            .allow("ops", "aws", "exit", "explain", "manifest")
            .allow("watch", "run", "aws", "config", "exit", "explain", "io")
            .allow("aws", "config", "exit", "explain", "io", "render")
            .allow("render", "config", "exit")
            .allow("config", "exit")
            .allow("manifest", "exit")
            .allow("explain", "exit")
            .allow("scaffold", "config", "exit")
            .allow("exit")
            .allow("io");

    assertThat(rules.violations()).isEmpty();
  }
}
