package dev.runtask.launcher.aws;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * The tasks the launcher started in a cluster, found by RunTask's {@code startedBy} ({@link
 * TaskStarter#STARTED_BY}) and described with their tags, at most 100 per DescribeTasks call.
 */
public final class LaunchedTasks {
  /** DescribeTasks takes at most 100 tasks per call. */
  static final int DESCRIBE_BATCH = 100;

  private final EcsClient ecs;

  public LaunchedTasks(EcsClient ecs) {
    this.ecs = ecs;
  }

  /**
   * Running (or about to) and recently stopped launcher tasks of {@code cluster}: ECS keeps stopped
   * tasks for about an hour.
   */
  public List<Task> list(String cluster) {
    Set<String> arns = new LinkedHashSet<>();
    for (DesiredStatus status : List.of(DesiredStatus.RUNNING, DesiredStatus.STOPPED)) {
      String token = null;
      do {
        ListTasksResponse page =
            ecs.listTasks(
                ListTasksRequest.builder()
                    .cluster(cluster)
                    .startedBy(TaskStarter.STARTED_BY)
                    .desiredStatus(status)
                    .nextToken(token)
                    .build());
        arns.addAll(page.taskArns());
        token = page.nextToken();
      } while (token != null);
    }
    return describe(cluster, List.copyOf(arns));
  }

  /**
   * One task of {@code cluster} by ARN or id, with its tags; empty when ECS does not know it there
   * (never started, stopped more than an hour ago, or in another cluster).
   */
  public Optional<Task> find(String cluster, String arnOrId) {
    return describe(cluster, List.of(arnOrId)).stream()
        .filter(t -> inCluster(t, cluster))
        .findFirst();
  }

  /** The value of {@code task}'s tag {@code key} (DescribeTasks with tags), if it has one. */
  public static Optional<String> tag(Task task, String key) {
    return task.hasTags()
        ? task.tags().stream().filter(t -> t.key().equals(key)).map(Tag::value).findFirst()
        : Optional.empty();
  }

  /** True when {@code task} started with the launcher's {@code startedBy}. */
  public static boolean launchedByUs(Task task) {
    return TaskStarter.STARTED_BY.equals(task.startedBy());
  }

  /** {@code arns} of {@code cluster} with their tags, 100 per call. */
  public List<Task> describe(String cluster, List<String> arns) {
    List<Task> tasks = new ArrayList<>();
    for (int from = 0; from < arns.size(); from += DESCRIBE_BATCH) {
      List<String> batch = arns.subList(from, Math.min(arns.size(), from + DESCRIBE_BATCH));
      DescribeTasksResponse described =
          ecs.describeTasks(b -> b.cluster(cluster).tasks(batch).include(TaskField.TAGS));
      if (described.hasTasks()) {
        described.tasks().stream().filter(t -> inCluster(t, cluster)).forEach(tasks::add);
      }
    }
    return tasks;
  }

  /** {@code cluster} is a name or an ARN; the task's cluster is always an ARN. */
  private static boolean inCluster(Task task, String cluster) {
    String arn = task.clusterArn();
    return arn != null && (arn.equals(cluster) || arn.endsWith(":cluster/" + cluster));
  }
}
