package dev.runtask.testharness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageRulesTest {
  @TempDir Path src;

  private void source(String pkg, String name, String body) throws IOException {
    Path dir = src.resolve("app").resolve(pkg.replace('.', '/'));
    Files.createDirectories(dir);
    String declared = pkg.isEmpty() ? "app" : "app." + pkg;
    Files.writeString(dir.resolve(name + ".java"), "package " + declared + ";\n" + body);
  }

  @Test
  void violations_treeFollowsRules_none() throws IOException {
    source("", "Main", "import app.cli.Command;\nclass Main {}");
    source("cli", "Command", "import app.io.Terminal;\nclass Command {}");
    source("io", "Terminal", "class Terminal { app.io.Terminal self; }");

    assertThat(
            PackageRules.of(src, "app")
                .allow(PackageRules.ROOT, "cli")
                .allow("cli", "io")
                .allow("io")
                .violations())
        .isEmpty();
  }

  @Test
  void violations_forbiddenImportAndFullyQualifiedUse_bothReported() throws IOException {
    source("cli", "Command", "import app.io.Terminal;\nclass Command {}");
    source("io", "Terminal", "class Terminal { app.cli.Command back; }");

    assertThat(PackageRules.of(src, "app").allow("cli", "io").allow("io").violations())
        .containsExactly("io uses cli (allowed: [])");
  }

  @Test
  void violations_packageWithoutRuleAndRuleWithoutPackage_reported() throws IOException {
    source("cli", "Command", "class Command {}");
    source("cli.help", "Help", "import app.Main;\nclass Help {}");

    assertThat(PackageRules.of(src, "app").allow("cli").allow("gone").violations())
        .containsExactly("package cli.help has no rule", "rule for gone, which has no sources");
  }

  @Test
  void violations_rulesAllowACycle_reported() throws IOException {
    source("a", "A", "class A {}");
    source("b", "B", "class B {}");

    assertThat(PackageRules.of(src, "app").allow("a", "b").allow("b", "a").violations())
        .containsExactly("the rules allow a cycle: a → b → a");
  }
}
