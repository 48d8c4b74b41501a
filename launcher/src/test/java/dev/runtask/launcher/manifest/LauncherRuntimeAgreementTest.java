package dev.runtask.launcher.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.contract.ManifestJson;
import dev.runtask.contract.TaskManifest;
import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.manifest.probe.ProbeTask;
import dev.runtask.runtime.TaskRuntime;
import dev.runtask.runtime.index.TaskIndex;
import dev.runtask.runtime.manifest.TaskManifestWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential test of issue 12: one corpus of argument lists through the launcher's check and
 * through the real runtime (in-process, the same TaskRuntime tasks.jar runs), which must accept or
 * refuse each one alike. The manifest is the one the real writer makes from the real task classes,
 * through its JSON form, as in a build.
 */
class LauncherRuntimeAgreementTest {
  private static final TaskManifest MANIFEST =
      ManifestJson.read(
          ManifestJson.write(
              TaskManifestWriter.manifestOf(
                  TaskIndex.load(LauncherRuntimeAgreementTest.class.getClassLoader()))),
          "test");
  private static final String ARGS_FILE = resource("probe/count-twice.args");

  static Stream<Arguments> corpus() {
    List<Arguments> cases = new ArrayList<>();
    probe(cases, "--count", "1");
    probe(cases, "-n", "1");
    probe(cases, "-n1");
    probe(cases, "-vn", "3");
    probe(cases, "-vn3");
    probe(cases, "-nv");
    probe(cases, "--count=1");
    probe(cases, "--count", "1", "--count", "2");
    probe(cases, "-n", "1", "--count=2");
    probe(cases, "--count");
    probe(cases);
    probe(cases, "--count", "x");
    probe(cases, "--count", "1.5");
    probe(cases, "--count", "-1");
    probe(cases, "--count", "99999999999");
    probe(cases, "--count", "", "--name", "x");
    probe(cases, "-n", "1", "--limit", "99999999999");
    probe(cases, "-n", "1", "--limit", "1e3");
    probe(cases, "-n", "1", "--ratio", "0.5");
    probe(cases, "-n", "1", "--ratio", "1e3");
    probe(cases, "-n", "1", "--ratio", "NaN");
    probe(cases, "-n", "1", "--ratio", "1,5");
    probe(cases, "-n", "1", "--ratio", "0x10");
    probe(cases, "-n", "1", "--since", "2026-01-01");
    probe(cases, "-n", "1", "--since", "2026-13-01");
    probe(cases, "-n", "1", "--since", "01/02/2026");
    probe(cases, "-n", "1", "--mode", "FAST");
    probe(cases, "-n", "1", "--mode", "safe");
    probe(cases, "-n", "1", "--mode", "slow");
    probe(cases, "-n", "1", "--file", "/tmp/x.csv");
    probe(cases, "-n", "1", "--file=");
    probe(cases, "-n", "1", "--name", "ünïcödé ✓ 名前");
    probe(cases, "-n", "1", "--name", "");
    probe(cases, "-n", "1", "--name", "--");
    probe(cases, "-n", "1", "--name", "--verbose");
    probe(cases, "-n", "1", "--name");
    probe(cases, "-n", "1", "--name", "@team");
    probe(cases, "-n", "1", "--name", "@" + ARGS_FILE);
    probe(cases, "@" + ARGS_FILE);
    probe(cases, "-n", "1", "--verbose");
    probe(cases, "-n", "1", "--verbose=true");
    probe(cases, "-n", "1", "--verbose=false");
    probe(cases, "-n", "1", "--verbose=yes");
    probe(cases, "-n", "1", "--verbose", "true");
    probe(cases, "-n", "1", "--colour");
    probe(cases, "-n", "1", "--no-colour");
    probe(cases, "-n", "1", "--no-verbose");
    probe(cases, "-n", "1", "--tag", "a", "--tag", "b");
    probe(cases, "-n", "1", "--tag=a,b");
    probe(cases, "-n", "1", "--ids", "1,2,3");
    probe(cases, "-n", "1", "--ids", "1,x");
    probe(cases, "-n", "1", "--ids", "1", "--ids", "2");
    probe(cases, "-n", "1", "--dry-run");
    probe(cases, "-n", "1", "--dry-run=true");
    probe(cases, "-n", "1", "--api-token", "s3cr3t");
    probe(cases, "-n", "1", "--api-token=s3cr3t");
    probe(cases, "-n", "1", "--nmae", "x");
    probe(cases, "-n", "1", "--Count", "2");
    probe(cases, "-n", "1", "-x");
    probe(cases, "-n", "1", "--", "--name", "x");
    probe(cases, "-n", "1", "-");
    probe(cases, "-n", "1", "in.csv", "out.csv");
    probe(cases, "in.csv", "-n", "1");
    probe(cases, "--help");
    probe(cases, "-h");
    probe(cases, "-n", "1", "--help");
    cases.add(Arguments.of("positional-probe", List.of("5")));
    cases.add(Arguments.of("positional-probe", List.of("5", "label")));
    cases.add(Arguments.of("positional-probe", List.of()));
    cases.add(Arguments.of("positional-probe", List.of("x")));
    cases.add(Arguments.of("positional-probe", List.of("-5")));
    cases.add(Arguments.of("positional-probe", List.of("5", "a", "b")));
    cases.add(Arguments.of("positional-probe", List.of("--", "-5")));
    cases.add(Arguments.of("positional-probe", List.of("5", "--label")));
    cases.add(Arguments.of("hello-world", List.of()));
    cases.add(Arguments.of("hello-world", List.of("--name", "Ada")));
    cases.add(Arguments.of("hello-world", List.of("--name=Ada", "--name=Bob")));
    cases.add(Arguments.of("hello-world", List.of("--nam", "Ada")));
    cases.add(Arguments.of("hello-world", List.of("Ada")));
    return cases.stream();
  }

  private static void probe(List<Arguments> cases, String... args) {
    cases.add(Arguments.of("probe", List.of(args)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("corpus")
  void check_corpus_launcherAndRuntimeAcceptAndRefuseAlike(String task, List<String> args) {
    String launcher = launcher(task, args);
    Runtime runtime = runtime(task, args);

    assertThat(launcher == null)
        .as(
            "launcher %s, runtime %s",
            launcher == null ? "accepts" : "refuses: " + launcher,
            runtime.exitCode() == 0 ? "accepts" : "refuses: " + runtime.err())
        .isEqualTo(runtime.exitCode() == 0);
  }

  @Test
  void check_clusteredShortOptionsAndRepeatedValue_asPicocliReadsThem() {
    assertThat(launcher("probe", List.of("-vn", "3"))).isNull();
    assertThat(launcher("probe", List.of("-n3"))).isNull();
    assertThat(launcher("probe", List.of("--count", "1", "--count", "2"))).isNotNull();
  }

  @Test
  void check_atFileArgument_isALiteralValueOnBothSides() {
    String value = "@" + ARGS_FILE;

    assertThat(launcher("probe", List.of("-n", "1", "--name", value))).isNull();
    assertThat(runtime("probe", List.of("-n", "1", "--name", value)).exitCode()).isZero();
    assertThat(ProbeTask.last.name).isEqualTo(value);
  }

  /** Null when the launcher accepts the arguments, else its one-line refusal. */
  private static String launcher(String task, List<String> args) {
    try {
      TaskArguments.check(MANIFEST.find(task).orElseThrow(), args, List.of());
      return null;
    } catch (LauncherException e) {
      return e.getMessage();
    }
  }

  private record Runtime(int exitCode, String err) {}

  private static Runtime runtime(String task, List<String> args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(List.of(task));
    all.addAll(args);
    int code =
        TaskRuntime.builder()
            .env(Map.of())
            .out(new PrintStream(OutputStream.nullOutputStream()))
            .err(new PrintStream(err, true, StandardCharsets.UTF_8))
            .build()
            .execute(all);
    return new Runtime(code, err.toString(StandardCharsets.UTF_8).strip());
  }

  private static String resource(String name) {
    try {
      return Path.of(LauncherRuntimeAgreementTest.class.getClassLoader().getResource(name).toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
