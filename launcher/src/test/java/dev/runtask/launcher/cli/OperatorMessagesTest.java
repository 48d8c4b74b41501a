package dev.runtask.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtask.launcher.support.MotoProject;
import dev.runtask.launcher.support.TestHost;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Messages that say what to do next: the attach line, the real task name, help that is whole. */
class OperatorMessagesTest {
  @RegisterExtension final MotoProject env = new MotoProject();

  private static final List<String> FAST_WAIT =
      List.of("--poll-interval", "1ms", "--max-poll-interval", "5ms", "--log-grace", "100ms");

  private String attachLine(TestHost.Result started) {
    return started
        .err()
        .lines()
        .filter(l -> l.startsWith("follow it with: "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no attach line in\n" + started))
        .substring("follow it with: ".length());
  }

  /** The printed line, run as printed (credentials added: they are never part of it). */
  private TestHost.Result runPrinted(String line, String... more) {
    List<String> words = new ArrayList<>(Arrays.asList(line.split(" ")));
    assertThat(words.remove(0)).isEqualTo("launcher");
    words.addAll(List.of("-k", "AKIATESTKEY", "-s", "test-secret-do-not-print"));
    words.addAll(FAST_WAIT);
    words.addAll(List.of(more));
    return env.host.run(words.toArray(String[]::new));
  }

  @Test
  void runNoWait_printsTheAttachCommandLineThatWorks() {
    TestHost.Result started = env.run("-n", "hello-world", "--no-wait");

    String line = attachLine(started);
    assertThat(line)
        .startsWith("launcher attach -e moto --endpoint-url " + env.moto.proxy.endpoint() + " ")
        .doesNotContain("AKIATESTKEY")
        .doesNotContain("test-secret");
    TestHost.Result attached = runPrinted(line);
    assertThat(attached.exitCode()).as(attached.toString()).isZero();
    assertThat(attached.err()).contains("attached to arn:aws:ecs:");
  }

  @Test
  void attach_showsTheTasksRealName_inTextAndJson() throws Exception {
    String line = attachLine(env.run("-n", "hello-world", "--no-wait"));

    TestHost.Result text = runPrinted(line);
    String secondTask = attachLine(env.run("-n", "hello-world", "--no-wait"));
    TestHost.Result json = runPrinted(secondTask, "--output", "json");

    assertThat(text.err()).contains("task hello-world finished (exit 0)").doesNotContain("TASK");
    assertThat(new ObjectMapper().readTree(json.out()).path("task").asText())
        .isEqualTo("hello-world");
  }

  @Test
  void attach_unknownTask_exits2SayingWhatWasAskedAndHelpSaysSo() {
    List<String> args = new ArrayList<>(List.of("attach", "-e", "moto", "0123456789abcdef"));
    args.addAll(List.of(env.moto.aws()).subList(0, 6));

    TestHost.Result r = env.host.run(args.toArray(String[]::new));
    TestHost.Result help = env.host.run("--help");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no task 0123456789abcdef in cluster runtask-test");
    // Exit 2 after a read: what the help promises for 2 must cover it.
    assertThat(env.moto.proxy.operations()).containsExactly("ecs:DescribeTasks");
    assertThat(help.out().replaceAll("\\s+", " "))
        .contains("bad input or configuration; nothing was started or changed in AWS");
  }

  @Test
  void help_commandLinesAreWholeSentences_andEnvListsTheProjectsEnvironments() {
    TestHost.Result top = env.host.run("--help");
    TestHost.Result run = env.host.run("run", "--help");

    // Each command's summary (its first description line, wrapped by picocli) is a whole sentence.
    String commands =
        top.out().substring(top.out().indexOf("Commands:"), top.out().indexOf("Exit codes:"));
    java.util.List<String> summaries = new java.util.ArrayList<>();
    for (String line : commands.lines().skip(1).toList()) {
      if (line.startsWith("  ") && !line.startsWith("   ")) {
        summaries.add(line.strip());
      } else if (!line.isBlank() && !summaries.isEmpty()) {
        summaries.set(
            summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.strip());
      }
    }
    assertThat(summaries)
        .hasSizeGreaterThanOrEqualTo(10)
        .allSatisfy(l -> assertThat(l).endsWith("."));
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("a directory under task-definitions/ (local, moto, moto-prod, moto-spot).")
        .doesNotContain("staging");
  }
}
