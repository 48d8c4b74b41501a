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
          // ps: the launcher's tasks of the cluster (by startedBy).
          "ecs:ListTasks",
          "logs:GetLogEvents",
          // A fan-out reads up to 100 shards' streams per call (run --shards N).
          "logs:FilterLogEvents",
          // Registering a definition and running it hand its task and execution roles to ECS.
          "iam:PassRole");

  /**
   * Calls the SDK's credential providers make before any of the launcher's own: a profile with
   * {@code role_arn} assumes the role, and a web identity token (GitHub Actions OIDC, EKS IRSA) is
   * exchanged for credentials. The operator needs no IAM action for them in the launcher's policy
   * (the role's trust policy decides), but the jar must keep their classes.
   */
  public static final List<String> CREDENTIAL_PROVIDER_CALLS =
      List.of("sts:AssumeRole", "sts:AssumeRoleWithWebIdentity");

  private AwsPermissions() {}
}
