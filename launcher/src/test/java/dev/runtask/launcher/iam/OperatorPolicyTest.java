package dev.runtask.launcher.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.launcher.aws.AwsPermissions;
import dev.runtask.launcher.iam.PolicyDocument.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** iam/operator-policy.json allows every AWS call the launcher can make, and nothing wider. */
class OperatorPolicyTest {

  /** Actions AWS authorizes only with Resource "*": they have no resource-level permissions. */
  static final Set<String> UNSCOPABLE =
      Set.of(
          "sts:getcalleridentity",
          "ecs:describetaskdefinition",
          "ecs:registertaskdefinition",
          // Its one resource type is an EC2 container instance; Fargate tasks have none, so it is
          // scoped by the ecs:cluster condition instead.
          "ecs:listtasks",
          "ecr:getauthorizationtoken");

  private final PolicyDocument policy = PolicyDocument.load("operator-policy.json");
  private final PolicyDocument ciPolicy = PolicyDocument.load("ci-push-policy.json");

  @Test
  void operatorPolicy_everyLauncherAction_isAllowed() {
    assertThat(AwsPermissions.ACTIONS).isNotEmpty();
    for (String action : AwsPermissions.ACTIONS) {
      assertThat(policy.statementsAllowing(action))
          .as("%s: no statement allows %s, which the launcher calls", policy.file, action)
          .isNotEmpty();
    }
  }

  @Test
  void operatorPolicy_actionsTheLauncherDoesNotCall_areNotAllowed() {
    List<String> called =
        AwsPermissions.ACTIONS.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
    assertThat(policy.allActions())
        .as("%s: actions beyond AwsPermissions.ACTIONS", policy.file)
        .allMatch(called::contains);
  }

  @Test
  void policies_noStatement_usesWildcardActionsOrNegations() {
    for (PolicyDocument doc : List.of(policy, ciPolicy)) {
      assertThat(doc.version()).isEqualTo("2012-10-17");
      for (Statement s : doc.statements) {
        assertThat(s.actions())
            .as("%s %s: actions", doc.file, s.sid())
            .isNotEmpty()
            .noneMatch(a -> a.contains("*") || a.contains("?"));
        assertThat(s.hasNegations())
            .as("%s %s: NotAction/NotResource", doc.file, s.sid())
            .isFalse();
        assertThat(s.effect()).as("%s %s: effect", doc.file, s.sid()).isEqualTo("Allow");
        assertThat(s.resources()).as("%s %s: resources", doc.file, s.sid()).isNotEmpty();
      }
    }
  }

  @Test
  void policies_resourceStar_onlyForActionsWithoutResourceScoping() {
    for (PolicyDocument doc : List.of(policy, ciPolicy)) {
      for (Statement s : doc.statements) {
        if (s.resources().contains("*")) {
          assertThat(s.resources()).as("%s %s", doc.file, s.sid()).containsExactly("*");
          assertThat(s.actions())
              .as("%s %s: Resource \"*\" is allowed only for %s", doc.file, s.sid(), UNSCOPABLE)
              .allMatch(UNSCOPABLE::contains);
        } else {
          assertThat(s.resources())
              .as(
                  "%s %s: scoped resources are ARNs with the README's placeholders",
                  doc.file, s.sid())
              .allMatch(
                  r ->
                      r.matches("arn:aws:(ecs|logs|ecr):REGION:ACCOUNT_ID:[^*].+")
                          || r.matches("arn:aws:iam::ACCOUNT_ID:role/[A-Za-z0-9+=,.@_-]+"));
        }
      }
    }
  }

  @Test
  void operatorPolicy_runTask_onlyProjectFamiliesOnTheEnvironmentCluster() {
    assertThat(policy.statementsAllowing("ecs:RunTask"))
        .isNotEmpty()
        .allSatisfy(
            s -> {
              assertThat(s.resources())
                  .allMatch(r -> r.contains(":task-definition/runtask-ENVIRONMENT"));
              assertThat(s.conditionValues("ArnEquals", "ecs:cluster"))
                  .containsExactly("arn:aws:ecs:REGION:ACCOUNT_ID:cluster/runtask-ENVIRONMENT");
            });
  }

  @Test
  void operatorPolicy_taskCalls_onlyOnTheEnvironmentCluster() {
    for (String action : List.of("ecs:DescribeTasks", "ecs:StopTask")) {
      assertThat(policy.statementsAllowing(action))
          .isNotEmpty()
          .allSatisfy(
              s -> {
                assertThat(s.resources())
                    .containsExactly("arn:aws:ecs:REGION:ACCOUNT_ID:task/runtask-ENVIRONMENT/*");
                assertThat(s.conditionValues("ArnEquals", "ecs:cluster")).isNotEmpty();
              });
    }
  }

  @Test
  void operatorPolicy_tagResource_onlyWhileCreating() {
    assertThat(policy.statementsAllowing("ecs:TagResource"))
        .isNotEmpty()
        .allSatisfy(
            s ->
                assertThat(s.conditionValues("StringEquals", "ecs:CreateAction"))
                    .isNotEmpty()
                    .isSubsetOf("RunTask", "RegisterTaskDefinition"));
  }

  @Test
  void operatorPolicy_passRole_onlyTheEnvironmentTaskRolesToEcsTasks() {
    assertThat(policy.statementsAllowing("iam:PassRole"))
        .isNotEmpty()
        .allSatisfy(
            s -> {
              assertThat(s.actions()).containsExactly("iam:passrole");
              assertThat(s.resources())
                  .isNotEmpty()
                  .allMatch(
                      r ->
                          r.startsWith("arn:aws:iam::ACCOUNT_ID:role/runtask-ENVIRONMENT-")
                              && !r.contains("*"));
              assertThat(s.conditionValues("StringEquals", "iam:PassedToService"))
                  .containsExactly("ecs-tasks.amazonaws.com");
            });
  }

  @Test
  void operatorPolicy_logsAndImages_onlyProjectResources() {
    assertThat(policy.statementsAllowing("logs:GetLogEvents"))
        .isNotEmpty()
        .allSatisfy(
            s ->
                assertThat(s.resources())
                    .allMatch(
                        r ->
                            r.startsWith(
                                "arn:aws:logs:REGION:ACCOUNT_ID:log-group:/ecs/runtask-ENVIRONMENT:")));
    assertThat(policy.statementsAllowing("logs:FilterLogEvents"))
        .isNotEmpty()
        .allSatisfy(
            s ->
                assertThat(s.resources())
                    .containsExactly(
                        "arn:aws:logs:REGION:ACCOUNT_ID:log-group:/ecs/runtask-ENVIRONMENT:*"));
    assertThat(policy.statementsAllowing("ecr:DescribeImages"))
        .isNotEmpty()
        .allSatisfy(
            s ->
                assertThat(s.resources())
                    .containsExactly("arn:aws:ecr:REGION:ACCOUNT_ID:repository/runtask"));
  }
}
