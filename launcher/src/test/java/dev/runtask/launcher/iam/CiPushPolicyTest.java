package dev.runtask.launcher.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.launcher.iam.PolicyDocument.Statement;
import org.junit.jupiter.api.Test;

/** iam/ci-push-policy.json lets CI log in to ECR and push to the one repository, nothing more. */
class CiPushPolicyTest {

  private static final String REPOSITORY = "arn:aws:ecr:REGION:ACCOUNT_ID:repository/runtask";

  private final PolicyDocument policy = PolicyDocument.load("ci-push-policy.json");

  @Test
  void ciPushPolicy_getAuthorizationToken_isTheOnlyUnscopedAction() {
    for (Statement s : policy.statements) {
      if (s.resources().contains("*")) {
        assertThat(s.actions()).containsExactly("ecr:getauthorizationtoken");
      } else {
        assertThat(s.resources()).containsExactly(REPOSITORY);
      }
    }
    assertThat(policy.statementsAllowing("ecr:GetAuthorizationToken")).isNotEmpty();
  }

  @Test
  void ciPushPolicy_pushActions_areAllowedOnTheRepository() {
    for (String action :
        new String[] {
          "ecr:BatchCheckLayerAvailability",
          "ecr:InitiateLayerUpload",
          "ecr:UploadLayerPart",
          "ecr:CompleteLayerUpload",
          "ecr:PutImage",
          "ecr:DescribeImages"
        }) {
      assertThat(policy.statementsAllowing(action))
          .as(action)
          .isNotEmpty()
          .allSatisfy(s -> assertThat(s.resources()).containsExactly(REPOSITORY));
    }
  }

  @Test
  void ciPushPolicy_grantsOnlyEcr() {
    assertThat(policy.allActions())
        .allMatch(a -> a.startsWith("ecr:"))
        .noneMatch(
            a ->
                a.startsWith("ecr:delete")
                    || a.startsWith("ecr:set")
                    || a.startsWith("ecr:batchdelete"));
  }
}
