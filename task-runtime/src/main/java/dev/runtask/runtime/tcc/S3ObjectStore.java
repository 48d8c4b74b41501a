package dev.runtask.runtime.tcc;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** An {@link ObjectStore} in an S3 bucket, keys under an optional prefix. */
public final class S3ObjectStore implements ObjectStore {
  /**
   * Every S3 operation this class calls, as {@code service:Operation} (the SDK's operation names,
   * which for S3 are not always IAM's: HEAD needs {@code s3:GetObject}, and {@code s3:ListBucket}
   * for a 404, CopyObject {@code s3:GetObject} and {@code s3:PutObject}). The build keeps the SDK
   * classes of these calls in tasks.jar and removes the other operations'
   * (dev.runtask.buildtools.SdkJarTrimmer, tasks/pom.xml); S3ObjectStoreCallsTest checks the list
   * against the calls really made, TasksJarContentsIT makes each one through the built jar.
   */
  public static final List<String> SDK_CALLS =
      List.of("s3:PutObject", "s3:HeadObject", "s3:GetObject", "s3:CopyObject", "s3:DeleteObject");

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  public S3ObjectStore(S3Client s3, String bucket, String prefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
  }

  @Override
  public void put(String key, byte[] content) throws IOException {
    try {
      s3.putObject(b -> b.bucket(bucket).key(prefix + key), RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw new IOException(
          "S3 put s3://" + bucket + "/" + prefix + key + " failed: " + e.getMessage(), e);
    }
  }

  /** A HEAD request; without s3:ListBucket S3 answers 403 instead of 404 for a missing key. */
  @Override
  public boolean exists(String key) throws IOException {
    try {
      s3.headObject(b -> b.bucket(bucket).key(prefix + key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw new IOException(
          "cannot tell whether "
              + uri(key)
              + " exists ("
              + e.statusCode()
              + (e.statusCode() == 403 ? "; the task's role needs s3:ListBucket on the bucket" : "")
              + "): "
              + e.getMessage(),
          e);
    } catch (SdkException e) {
      throw new IOException("S3 head " + uri(key) + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String uri(String key) {
    return "s3://" + bucket + "/" + prefix + key;
  }

  @Override
  public Optional<byte[]> get(String key) throws IOException {
    try {
      return Optional.of(
          s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + key)).asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw new IOException(
          "S3 get s3://" + bucket + "/" + prefix + key + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void copy(String fromKey, String toKey) throws IOException {
    try {
      s3.copyObject(
          b ->
              b.sourceBucket(bucket)
                  .sourceKey(prefix + fromKey)
                  .destinationBucket(bucket)
                  .destinationKey(prefix + toKey));
    } catch (SdkException e) {
      throw new IOException(
          "S3 copy to s3://" + bucket + "/" + prefix + toKey + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(String key) throws IOException {
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(prefix + key));
    } catch (SdkException e) {
      throw new IOException(
          "S3 delete s3://" + bucket + "/" + prefix + key + " failed: " + e.getMessage(), e);
    }
  }
}
