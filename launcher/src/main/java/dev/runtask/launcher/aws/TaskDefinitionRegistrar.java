package dev.runtask.launcher.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.launcher.render.DefinitionDiff;
import dev.runtask.launcher.render.DefinitionNormalizer;
import dev.runtask.launcher.render.RenderedDefinition;
import dev.runtask.launcher.render.SdkJson;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Registers a task definition only when it differs from the latest ACTIVE revision of its family.
 */
public final class TaskDefinitionRegistrar {
  private final EcsClient ecs;

  public TaskDefinitionRegistrar(EcsClient ecs) {
    this.ecs = ecs;
  }

  /** The outcome: which revision runs, whether it was registered now, and what changed. */
  public record Registration(
      String arn, String familyRevision, boolean registered, List<String> changes) {
    public Registration {
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(familyRevision, "familyRevision");
      changes = List.copyOf(changes);
    }
  }

  /** The latest ACTIVE revision of the family, or null when the family has none yet. */
  public TaskDefinition latest(String family) {
    try {
      return ecs.describeTaskDefinition(r -> r.taskDefinition(family)).taskDefinition();
    } catch (ClientException e) {
      // ECS answers an unknown family with a ClientException, not a dedicated type.
      if (e.getMessage() != null
          && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("unable to describe")) {
        return null;
      }
      throw e;
    }
  }

  /**
   * Differences between the latest registered revision and the local one (all additions when none).
   */
  public List<String> changes(TaskDefinition latest, RenderedDefinition local) {
    ObjectNode mine = DefinitionNormalizer.normalize(local.json());
    ObjectNode theirs =
        latest == null
            ? DefinitionNormalizer.normalize(mine.objectNode())
            : DefinitionNormalizer.normalize(SdkJson.toTree(latest));
    return DefinitionDiff.diff(theirs == null ? mine.objectNode() : theirs, mine);
  }

  /**
   * Registers {@code local} unless it equals {@code latest} (fetched in parallel with the image
   * check; null when the family has no revision yet).
   */
  public Registration registerIfChanged(RenderedDefinition local, TaskDefinition latest) {
    // A first revision has no "changes" worth listing: every field would be one.
    List<String> changes = latest == null ? List.of() : changes(latest, local);
    if (latest != null && changes.isEmpty()) {
      return new Registration(
          latest.taskDefinitionArn(), latest.family() + ":" + latest.revision(), false, List.of());
    }
    TaskDefinition registered = ecs.registerTaskDefinition(local.request()).taskDefinition();
    return new Registration(
        registered.taskDefinitionArn(),
        registered.family() + ":" + registered.revision(),
        true,
        changes);
  }
}
