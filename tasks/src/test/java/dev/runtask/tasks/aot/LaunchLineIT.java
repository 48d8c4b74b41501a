package dev.runtask.tasks.aot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * README's launch line, {@code java @tasks/target/jvm.options -jar tasks/target/tasks.jar}, on
 * every JDK of this machine (Java 17 stops at an unknown flag) and with its start-up archive lost.
 */
class LaunchLineIT {
  private static final Path JAR = JvmRun.TARGET.resolve("tasks.jar");
  private static final Path OPTIONS = JvmRun.TARGET.resolve("jvm.options");
  private static final String ARCHIVE_FLAG = "-XX:SharedArchiveFile=";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void helloWorld_eachJdkOfThisMachine_greetsWithNothingFromTheJvm(Path javaHome) throws Exception {
    JvmRun run = launch(javaHome, OPTIONS, "hello-world", "--name", "launch-line");

    assertGreetedCleanly(run);
  }

  @ParameterizedTest(name = "{0}, archive {1}")
  @MethodSource("jdksAndLosses")
  void helloWorld_archiveLost_greetsWithNothingFromTheJvm(Path javaHome, String loss)
      throws Exception {
    Path archive = dir.resolve("tasks.archive");
    if (loss.equals("corrupt")) {
      Files.write(archive, Arrays.copyOf(Files.readAllBytes(JAR), 4096));
    }
    Path options = dir.resolve("jvm.options");
    Files.write(
        options,
        Files.readAllLines(OPTIONS).stream()
            .map(line -> line.startsWith(ARCHIVE_FLAG) ? ARCHIVE_FLAG + archive : line)
            .toList());

    JvmRun run = launch(javaHome, options, "hello-world", "--name", "launch-line");

    assertGreetedCleanly(run);
  }

  @Test
  void importSales_buildJvm_loadsRuntimePoolAndMigrationClassesFromTheArchive() throws Exception {
    Path csv = Path.of("src/test/resources/sales/sales.csv").toAbsolutePath();
    // -Xshare:on makes an archive the JVM cannot map a start-up error instead of a silent skip.
    JvmRun run =
        launch(
            Path.of(System.getProperty("java.home")),
            OPTIONS,
            "-Xshare:on",
            "-Xlog:class+load=info:stdout",
            "import-sales",
            "--file",
            csv.toString(),
            "--dry-run");

    assertThat(run.code()).as(run.stderr()).isZero();
    assertThat(run.stdout())
        .contains(
            "dev.runtask.runtime.Main source: shared objects file",
            "dev.runtask.tasks.sales.ImportSalesTask source: shared objects file",
            "com.zaxxer.hikari.HikariDataSource source: shared objects file",
            "org.flywaydb.core.Flyway source: shared objects file");
  }

  private static void assertGreetedCleanly(JvmRun run) {
    assertThat(run.code()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("\"formattedMessage\":\"Hello, launch-line!\"");
    assertThat(run.stdoutIsJsonLinesOnly()).as(run.stdout()).isTrue();
    assertThat(run.jvmOutputOnStderr()).as(run.stderr()).isEmpty();
  }

  /**
   * {@code java @options [JVM flags] -jar tasks.jar ARGS}; arguments starting with -X are JVM's.
   */
  private JvmRun launch(Path javaHome, Path options, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString()));
    command.add("@" + options);
    Stream.of(args).filter(a -> a.startsWith("-X")).forEach(command::add);
    command.addAll(List.of("-jar", JAR.toString()));
    Stream.of(args).filter(a -> !a.startsWith("-X")).forEach(command::add);
    return JvmRun.of(command, dir, Map.of());
  }

  /**
   * The JDK running this build and every other Java 17+ JDK in the system JVM directory, or the
   * homes listed in RUNTASK_TEST_JDKS (separated like PATH).
   */
  static Stream<Path> jdks() {
    Set<Path> homes = new LinkedHashSet<>();
    homes.add(realPath(Path.of(System.getProperty("java.home"))));
    String listed = System.getenv("RUNTASK_TEST_JDKS");
    if (listed != null && !listed.isBlank()) {
      Stream.of(listed.split(java.io.File.pathSeparator)).map(Path::of).forEach(homes::add);
    } else {
      try (Stream<Path> system = Files.list(Path.of("/usr/lib/jvm"))) {
        system
            .filter(home -> Files.isExecutable(home.resolve("bin/java")))
            .filter(LaunchLineIT::isJava17OrNewer)
            .map(LaunchLineIT::realPath)
            .sorted()
            .forEach(homes::add);
      } catch (IOException e) {
        // No system JVM directory: the build's JDK alone.
      }
    }
    return homes.stream();
  }

  static Stream<Arguments> jdksAndLosses() {
    return jdks().flatMap(home -> Stream.of("missing", "corrupt").map(l -> Arguments.of(home, l)));
  }

  private static boolean isJava17OrNewer(Path home) {
    try {
      String version =
          Files.readAllLines(home.resolve("release")).stream()
              .filter(line -> line.startsWith("JAVA_VERSION="))
              .map(line -> line.replaceAll("[^0-9.]", ""))
              .collect(Collectors.joining());
      return Integer.parseInt(version.split("\\.")[0]) >= 17;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
