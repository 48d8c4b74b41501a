package dev.runtask.launcher.explain;

/** RunTask's failures[] (the task was never created) → one line of cause and remedy; exit 125. */
public final class FailureExplainer {
  private FailureExplainer() {}

  public static String explain(String arn, String reason, String detail) {
    String why = reason == null ? "" : reason;
    String remedy;
    if (why.startsWith("RESOURCE:MEMORY") || why.startsWith("RESOURCE:CPU")) {
      remedy =
          "no capacity with enough "
              + why.substring("RESOURCE:".length()).toLowerCase(java.util.Locale.ROOT)
              + " — lower cpu/memory for this task or retry later";
    } else if (why.startsWith("RESOURCE:ENI")) {
      remedy =
          "no network interface available in the subnets — check the subnets' free IPs or ENI limits";
    } else if (why.equals("AGENT")) {
      remedy =
          "the container agent is not connected — retry; if it persists check the capacity provider";
    } else if (why.equals("MISSING")) {
      remedy =
          "the cluster, task definition or capacity provider was not found — check environment.json";
    } else if (why.startsWith("ATTRIBUTE")) {
      remedy =
          "no capacity matches the task's placement requirements — check requiresCompatibilities / platform";
    } else {
      remedy = "see the AWS documentation for RunTask failures";
    }
    return "RunTask did not start the task: "
        + why
        + (detail == null ? "" : " (" + detail + ")")
        + (arn == null ? "" : " for " + arn)
        + " — "
        + remedy;
  }
}
