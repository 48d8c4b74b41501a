package dev.runtask.launcher.aws;

/**
 * Links into the AWS console for a task, so the operator can jump from the terminal to the task
 * page.
 */
public final class ConsoleUrls {
  private ConsoleUrls() {}

  public static String task(String region, String cluster, String taskArn) {
    return "https://"
        + region
        + ".console.aws.amazon.com/ecs/v2/clusters/"
        + cluster
        + "/tasks/"
        + taskId(taskArn)
        + "/configuration?region="
        + region;
  }

  /** The last path segment of a task ARN: what log streams and the console use. */
  public static String taskId(String taskArn) {
    return taskArn.substring(taskArn.lastIndexOf('/') + 1);
  }
}
