package dev.runtask.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.launcher.support.MotoProject;
import dev.runtask.launcher.support.TestHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A run whose tasks/ or task-definitions/ differ from the image tag's commit is refused: the image
 * would not have them. The project is a real git repository; the image tag is its commit.
 */
class ImageSourcesTest {
  @RegisterExtension final MotoProject env = new MotoProject();
  private String commit;

  @BeforeEach
  void commitTheProject() throws Exception {
    Files.createDirectories(env.project.resolve("tasks/src"));
    Files.writeString(env.project.resolve("tasks/src/HelloWorldTask.java"), "class A {}\n");
    Files.writeString(env.project.resolve(".gitignore"), "target/\n");
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "tasks");
    commit = git("rev-parse", "HEAD").trim();
  }

  private TestHost.Result run(String... more) {
    List<String> args = new ArrayList<>(List.of("-n", "hello-world", "--dry-run"));
    args.addAll(List.of(more));
    return env.runOn(
        env.moto.host(env.project).env("RUNTASK_IMAGE_TAG", commit),
        concat(List.of("-e", "moto"), args));
  }

  @Test
  void run_treeAsCommitted_runs() throws IOException {
    Files.createDirectories(env.project.resolve("tasks/target"));
    Files.writeString(env.project.resolve("tasks/target/ignored.class"), "built");

    TestHost.Result r = run();

    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @Test
  void run_untrackedTaskFile_refusedBeforeAws() throws IOException {
    Files.writeString(env.project.resolve("tasks/src/MyReportTask.java"), "class B {}\n");
    Files.writeString(
        env.project.resolve("task-definitions/moto/tasks/my-report.json"), "{\"cpu\": \"512\"}");

    TestHost.Result r = run();

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .contains("task-definitions/moto/tasks/my-report.json")
        .contains("tasks/src/MyReportTask.java")
        .contains("differ from commit " + commit.substring(0, 12))
        .contains("commit, let CI build and push the image")
        .contains("--image-tag");
    assertThat(env.moto.proxy.calls()).isEmpty();
  }

  @Test
  void run_changedTrackedDefinition_refused() throws IOException {
    Path definition = env.project.resolve("task-definitions/moto/task-definition.json");
    Files.writeString(
        definition, Files.readString(definition).replace("runtask-test-task", "another-role"));

    TestHost.Result r = run();

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("task-definitions/moto/task-definition.json differ from commit");
  }

  @Test
  void run_tagThatIsNoCommitHere_isNotChecked() throws IOException {
    Files.writeString(env.project.resolve("tasks/src/MyReportTask.java"), "class B {}\n");

    TestHost.Result r = run("--image-tag", "release-7");

    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  private static String[] concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all.toArray(String[]::new);
  }

  private String git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", env.project.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
