package dev.runtask.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.launcher.support.MotoFixture;
import dev.runtask.launcher.support.Projects;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the operator sees at a terminal when the launcher cannot go on: launcher.jar in its own JVM
 * under a pseudo-terminal ({@code script}), with an environment the test controls, since the SDK
 * reads credentials from the real process environment and home directory.
 */
class LauncherFailureLinesIT {
  private static final Path JAR = Path.of("target/launcher.jar");

  private record Seen(int exitCode, String screen) {}

  @Test
  void noCredentialsAnywhere_oneLineSayingWhereItLooked_exit2_nothingSent(@TempDir Path dir)
      throws Exception {
    try (MotoFixture moto = new MotoFixture()) {
      Path project = Projects.copyTo(Files.createDirectories(dir.resolve("project")));
      Path home = Files.createDirectories(dir.resolve("home"));
      Map<String, String> env =
          Map.of(
              "HOME", home.toString(),
              "AWS_EC2_METADATA_DISABLED", "true",
              "TEST_SUBNET", moto.subnet,
              "TEST_SECURITY_GROUP", moto.securityGroup,
              "RUNTASK_IMAGE_TAG", MotoFixture.IMAGE_TAG);

      Seen seen =
          onTerminal(
              JAR,
              project,
              env,
              "run",
              "-e",
              "moto",
              "-n",
              "hello-world",
              "--endpoint-url",
              moto.proxy.endpoint().toString());

      assertThat(seen.exitCode()).as(seen.screen()).isEqualTo(2);
      List<String> lines = seen.screen().lines().filter(l -> !l.isBlank()).toList();
      assertThat(lines).as(seen.screen()).hasSize(1);
      assertThat(lines.get(0))
          .startsWith("launcher: no AWS credentials found (looked in -k/-s,")
          .contains("~/.aws/credentials")
          .contains("$AWS_WEB_IDENTITY_TOKEN_FILE")
          .contains("pass -k KEY_ID -s SECRET, --profile NAME")
          .doesNotContain("AwsCredentialsProviderChain");
      assertThat(moto.proxy.calls()).isEmpty();
    }
  }

  @Test
  void anErrorEscapingACommand_isALauncherBug_exit111WithOneLineFirst(@TempDir Path dir)
      throws Exception {
    // A jar missing one class the tasks command needs: NoClassDefFoundError at run time.
    Path broken = without(JAR, "dev/runtask/launcher/manifest/BundledManifest.class", dir);
    Path project = Projects.copyTo(Files.createDirectories(dir.resolve("project")));

    Seen seen = onTerminal(broken, project, Map.of("HOME", dir.toString()), "tasks");

    assertThat(seen.exitCode()).as(seen.screen()).isEqualTo(111);
    assertThat(seen.screen().lines().filter(l -> !l.isBlank()).findFirst().orElse(""))
        .startsWith("launcher: internal error (a bug in the launcher; please report it")
        .contains("NoClassDefFoundError");
  }

  private static Path without(Path jar, String entry, Path dir) throws IOException {
    Path copy = dir.resolve("broken-launcher.jar");
    try (JarFile in = new JarFile(jar.toFile());
        OutputStream file = Files.newOutputStream(copy);
        JarOutputStream out = new JarOutputStream(file)) {
      for (JarEntry e : (Iterable<JarEntry>) in.stream()::iterator) {
        if (!e.getName().equals(entry)) {
          out.putNextEntry(new JarEntry(e.getName()));
          in.getInputStream(e).transferTo(out);
          out.closeEntry();
        }
      }
    }
    return copy;
  }

  /** The launcher at a pseudo-terminal: what the screen shows (stdout and stderr) and the code. */
  private static Seen onTerminal(Path jar, Path workDir, Map<String, String> env, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder("script", "-qec", shellWords(command), "/dev/null")
            .directory(workDir.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    builder.environment().putAll(env);
    Process p = builder.redirectErrorStream(true).start();
    p.getOutputStream().close();
    String screen =
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(screen).isTrue();
    return new Seen(p.exitValue(), screen);
  }

  private static String shellWords(List<String> words) {
    StringBuilder line = new StringBuilder();
    for (String w : words) {
      line.append(" '").append(w.replace("'", "'\\''")).append('\'');
    }
    return line.toString().trim();
  }
}
