package dev.runtask.launcher.aws;

import dev.runtask.contract.ExitCodes;
import dev.runtask.launcher.exit.LauncherException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * Checks that an ECR image exists before RunTask: otherwise the task would sit in PROVISIONING for
 * a minute and die with CannotPullContainerError, usually because CI has not pushed the commit yet.
 */
public final class ImageCheck {
  private static final Pattern ECR =
      Pattern.compile(
          "^(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([^:@]+)(?::([^@]+))?(?:@(sha256:[0-9a-f]+))?$");
  private final EcrClient ecr;

  public ImageCheck(EcrClient ecr) {
    this.ecr = ecr;
  }

  /** An image reference in a private ECR registry, or null for any other registry. */
  public record EcrImage(
      String registryId, String region, String repository, String tag, String digest) {
    /** A tag or a digest, or both. */
    public EcrImage {
      Objects.requireNonNull(registryId, "registryId");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(repository, "repository");
      if (tag == null && digest == null) {
        throw new IllegalArgumentException("an image needs a tag or a digest: " + repository);
      }
    }
  }

  public static EcrImage parse(String image) {
    Matcher m = image == null ? null : ECR.matcher(image);
    if (m == null || !m.matches()) {
      return null;
    }
    return new EcrImage(
        m.group(1),
        m.group(2),
        m.group(3),
        m.group(4) == null && m.group(5) == null ? "latest" : m.group(4),
        m.group(5));
  }

  public void check(String image) {
    EcrImage ref = parse(image);
    if (ref == null) {
      return;
    }
    ImageIdentifier id =
        ref.digest() != null
            ? ImageIdentifier.builder().imageDigest(ref.digest()).build()
            : ImageIdentifier.builder().imageTag(ref.tag()).build();
    try {
      ecr.describeImages(
          r -> r.registryId(ref.registryId()).repositoryName(ref.repository()).imageIds(id));
    } catch (ImageNotFoundException e) {
      throw new LauncherException(
          ExitCodes.NEVER_RAN,
          "image "
              + ref.repository()
              + ":"
              + (ref.digest() != null ? ref.digest() : ref.tag())
              + " is not in ECR — has CI pushed this commit?");
    } catch (RepositoryNotFoundException e) {
      throw new LauncherException(
          ExitCodes.NEVER_RAN,
          "ECR repository "
              + ref.repository()
              + " does not exist in account "
              + ref.registryId()
              + " ("
              + ref.region()
              + ") — check the image in task-definition.json");
    }
  }
}
