package dev.runtask.launcher.aws;

import java.util.List;

/**
 * Every IAM action the launcher can call. The operator policy must allow all of them; a test
 * records the operations of a full run against moto and checks each one is listed here.
 */
public final class AwsPermissions {
  public static final List<String> ACTIONS =
      List.of(
          "sts:GetCallerIdentity",
          "ecr:DescribeImages",
          "ecs:DescribeTaskDefinition",
          "ecs:RegisterTaskDefinition",
          // RunTask and RegisterTaskDefinition with tags also need TagResource (tag-on-create).
          "ecs:TagResource",
          "ecs:RunTask",
          "ecs:DescribeTasks",
          "ecs:StopTask",
          "logs:GetLogEvents",
          // Registering a definition and running it hand its task and execution roles to ECS.
          "iam:PassRole");

  private AwsPermissions() {}
}
