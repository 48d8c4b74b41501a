package dev.runtask.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.launcher.aws.AwsPermissions;
import dev.runtask.launcher.support.FaultProxy;
import dev.runtask.launcher.support.MotoFixture;
import dev.runtask.launcher.support.Projects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * launcher.jar as the build shaded it (failsafe runs after {@code package}, so the jar is there):
 * what it holds, and that it runs.
 */
class LauncherJarIT {
  private static final Path JAR = Path.of("target/launcher.jar");

  private static List<String> entries() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      return jar.stream().map(e -> e.getName()).toList();
    }
  }

  @Test
  void jar_httpClients_urlConnectionOnly() throws IOException {
    assertThat(entries())
        .anyMatch(n -> n.startsWith("software/amazon/awssdk/http/urlconnection/"))
        .noneMatch(
            n ->
                n.startsWith("software/amazon/awssdk/http/nio/netty/")
                    || n.startsWith("software/amazon/awssdk/http/apache/")
                    || n.startsWith("io/netty/")
                    || n.startsWith("org/apache/http/"));
  }

  @Test
  void jar_contractAndManifest_bundledButNotTheRuntime() throws IOException {
    assertThat(entries())
        .contains("dev/runtask/contract/ManifestJson.class", "META-INF/runtask/task-manifest.json")
        .noneMatch(n -> n.startsWith("dev/runtask/runtime/"));
  }

  @Test
  void jar_tasksCommand_listsTheBuildsTasks() throws Exception {
    Launch r = launch(Path.of("."), Map.of(), "tasks");

    assertThat(r.exitCode()).as(r.out()).isZero();
    assertThat(r.out()).contains("hello-world").contains("--name <name>");
    // The build's description already says "(default: world)": said once, not twice.
    String name =
        r.out().lines().filter(l -> l.contains("--name <name>")).findFirst().orElseThrow();
    assertThat(name.split("default: world", -1)).as(name).hasSize(2);
  }

  /**
   * The build trims SDK classes no listed call reaches (SdkJarTrimmer): every call the launcher
   * makes, made here through the trimmed jar against moto, must still work.
   */
  @Test
  void jar_everyAwsCallOfTheLauncher_worksThroughTheTrimmedJar(@TempDir Path dir) throws Exception {
    try (MotoFixture moto = new MotoFixture()) {
      moto.proxy.hook(
          new FaultProxy.Hook() {
            @Override
            public FaultProxy.Reply after(
                String operation, int n, ObjectNode request, ObjectNode response) {
              if (operation.equals("ecs:RunTask")) {
                String arn = response.at("/tasks/0/taskArn").asText();
                moto.writeLogs(arn, List.of("a line the task logged"));
              }
              return null;
            }
          });
      Path project = Projects.copyTo(dir);
      Map<String, String> env =
          Map.of(
              "TEST_SUBNET", moto.subnet,
              "TEST_SECURITY_GROUP", moto.securityGroup,
              "RUNTASK_IMAGE_TAG", MotoFixture.IMAGE_TAG);
      List<String> aws = List.of(moto.aws());

      Launch run =
          launch(project, env, concat(List.of("run", "-e", "moto", "-n", "hello-world"), aws));
      Launch stopped =
          launch(
              project,
              env,
              concat(
                  List.of(
                      "run", "-e", "moto", "-n", "sleep", "--timeout", "0s", "--stop-on-timeout"),
                  aws));
      Launch diff = launch(project, env, concat(List.of("diff", "-e", "moto"), aws.subList(0, 6)));
      Launch ps = launch(project, env, concat(List.of("ps", "-e", "moto"), aws.subList(0, 6)));
      Launch fanOut =
          launch(
              project,
              env,
              concat(
                  List.of(
                      "run", "-e", "moto", "-n", "hello-world", "--shards", "2", "--logs", "all"),
                  aws));

      assertThat(run.exitCode()).as(run.out()).isZero();
      assertThat(run.out()).contains("a line the task logged");
      assertThat(stopped.exitCode()).as(stopped.out()).isEqualTo(120);
      assertThat(diff.exitCode()).as(diff.out()).isZero();
      assertThat(ps.exitCode()).as(ps.out()).isZero();
      assertThat(ps.out()).contains("hello-world", "sleep");
      assertThat(fanOut.exitCode()).as(fanOut.out()).isZero();
      assertThat(fanOut.out())
          .contains("[0/2] a line the task logged", "[1/2] a line the task logged");
      List<String> calls =
          AwsPermissions.ACTIONS.stream()
              // Permissions ECS checks on the launcher's behalf, not calls it makes.
              .filter(a -> !a.equals("ecs:TagResource") && !a.equals("iam:PassRole"))
              .toList();
      assertThat(moto.proxy.operations()).containsAll(calls);
    }
  }

  /**
   * Operators and CI rarely hold long-lived keys: GitHub Actions' OIDC (a web identity token file)
   * and profiles with {@code role_arn} make the SDK call STS before the launcher's first call. The
   * trimmer must keep those classes too.
   */
  @Test
  void jar_webIdentityAndAssumeRoleProfile_credentialsWorkThroughTheTrimmedJar(@TempDir Path dir)
      throws Exception {
    try (MotoFixture moto = new MotoFixture()) {
      Path project = Projects.copyTo(dir.resolve("project"));
      String endpoint = moto.proxy.endpoint().toString();
      List<String> diff = List.of("diff", "-e", "moto", "--endpoint-url", endpoint);
      Path token = Files.writeString(dir.resolve("token"), "an-oidc-token");
      Path config =
          Files.writeString(
              dir.resolve("config"),
              "[profile deployer]\nrole_arn = arn:aws:iam::123456789012:role/deployer\n"
                  + "source_profile = base\n");
      Path credentials =
          Files.writeString(
              dir.resolve("credentials"),
              "[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = base-secret\n");

      Map<String, String> env = new HashMap<>();
      env.put("TEST_SUBNET", moto.subnet);
      env.put("TEST_SECURITY_GROUP", moto.securityGroup);
      env.put("AWS_ENDPOINT_URL_STS", endpoint);
      env.put("AWS_REGION", "us-east-1");
      Map<String, String> oidc = new HashMap<>(env);
      oidc.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
      oidc.put("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ci");
      Map<String, String> profiles = new HashMap<>(env);
      profiles.put("AWS_CONFIG_FILE", config.toString());
      profiles.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());

      Launch webIdentity = launch(project, oidc, diff);
      Launch assumeRole = launch(project, profiles, concat(diff, List.of("--profile", "deployer")));

      assertThat(webIdentity.exitCode()).as(webIdentity.out()).isZero();
      assertThat(assumeRole.exitCode()).as(assumeRole.out()).isZero();
      assertThat(moto.proxy.operations())
          .containsAll(AwsPermissions.CREDENTIAL_PROVIDER_CALLS)
          .contains("ecs:DescribeTaskDefinition");
    }
  }

  private record Launch(int exitCode, String out) {}

  private static Launch launch(Path workDir, Map<String, String> env, String... args)
      throws Exception {
    return launch(workDir, env, List.of(args));
  }

  private static Launch launch(Path workDir, Map<String, String> env, List<String> args)
      throws Exception {
    List<String> command =
        concat(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString()),
            args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    builder.environment().putAll(env);
    // Fan-out journals under the test's work directory, not the user's state directory.
    builder.environment().put("XDG_STATE_HOME", workDir.resolve(".state").toString());
    Process p = builder.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(out).isTrue();
    return new Launch(p.exitValue(), out);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
