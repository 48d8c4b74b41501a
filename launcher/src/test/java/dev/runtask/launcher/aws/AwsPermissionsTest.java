package dev.runtask.launcher.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.launcher.support.MotoFixture;
import dev.runtask.launcher.support.Projects;
import dev.runtask.launcher.support.RecordingInterceptor;
import dev.runtask.launcher.support.TestHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every AWS operation the launcher really calls is listed in AwsPermissions (the operator policy's
 * source).
 */
class AwsPermissionsTest {
  @TempDir Path dir;

  @Test
  void actions_fullRunStopDiffPsAndStop_coverEveryOperationInvoked() {
    List<String> invoked;
    try (MotoFixture moto = new MotoFixture()) {
      Path project = Projects.copyTo(dir);
      TestHost host = moto.host(project);
      invoked =
          RecordingInterceptor.recording(
              () -> {
                host.run(args(moto, "run", "-e", "moto", "-n", "hello-world"));
                host.run(
                    args(
                        moto,
                        "run",
                        "-e",
                        "moto",
                        "-n",
                        "sleep",
                        "--timeout",
                        "0s",
                        "--stop-on-timeout"));
                host.run(args(moto, "diff", "-e", "moto"));
                moto.moto.taskTransitions(1000);
                String started =
                    host.run(args(moto, "run", "-e", "moto", "-n", "sleep", "--no-wait")).err();
                String taskId =
                    started
                        .substring(started.indexOf("task/runtask-test/") + 18)
                        .lines()
                        .findFirst()
                        .orElseThrow();
                host.run(args(moto, "ps", "-e", "moto"));
                host.run(args(moto, "stop", "-e", "moto", taskId));
                moto.moto.unsetTaskTransitions();
                host.run(args(moto, "run", "-e", "moto", "-n", "hello-world", "--shards", "2"));
              });
    }

    assertThat(invoked)
        .contains(
            "sts:GetCallerIdentity",
            "ecr:DescribeImages",
            "ecs:DescribeTaskDefinition",
            "ecs:RegisterTaskDefinition",
            "ecs:RunTask",
            "ecs:DescribeTasks",
            "logs:GetLogEvents",
            "ecs:StopTask",
            "ecs:ListTasks",
            "logs:FilterLogEvents");
    assertThat(AwsPermissions.ACTIONS).containsAll(invoked);
  }

  @Test
  void actions_areUniqueServiceColonAction() {
    assertThat(AwsPermissions.ACTIONS)
        .doesNotHaveDuplicates()
        .allMatch(a -> a.matches("[a-z]+:[A-Z][A-Za-z]+"));
  }

  private static String[] args(MotoFixture moto, String command, String... rest) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(List.of(rest));
    List<String> aws = new ArrayList<>(List.of(moto.aws()));
    if (command.equals("diff") || command.equals("ps")) {
      // diff takes only the credential and endpoint options.
      aws = aws.subList(0, 6);
    }
    all.addAll(aws);
    return all.toArray(String[]::new);
  }
}
