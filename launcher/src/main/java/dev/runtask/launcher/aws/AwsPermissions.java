package dev.runtask.launcher.aws;

import java.util.List;

/**
 * Every IAM action the launcher can call. The operator policy must allow all of them; a test
 * records the operations of a full run against moto and checks each one is listed here.
 */
public final class AwsPermissions {
    public static final List<String> ACTIONS = List.of(
            "sts:GetCallerIdentity",
            "ecr:DescribeImages",
            "ecs:DescribeTaskDefinition",
            "ecs:RegisterTaskDefinition",
            "ecs:TagResource",
            "ecs:RunTask",
            "ecs:DescribeTasks",
            "ecs:StopTask",
            "logs:GetLogEvents",
            "iam:PassRole");

    private AwsPermissions() {
    }
}
