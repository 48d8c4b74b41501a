package dev.runtask.runtime.tcc;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Picks the object store from the environment: {@code RUNTASK_OBJECT_STORE=s3://bucket/prefix}
 * (with {@code RUNTASK_S3_ENDPOINT} for an S3-compatible endpoint such as moto), otherwise a local
 * directory under {@code .local/objects}.
 */
public final class ObjectStores {
  public static final String OBJECT_STORE = "RUNTASK_OBJECT_STORE";
  public static final String S3_ENDPOINT = "RUNTASK_S3_ENDPOINT";

  private ObjectStores() {}

  public static ObjectStore fromEnvironment(Map<String, String> env, Path localDir) {
    String spec = env.get(OBJECT_STORE);
    if (spec == null || spec.isBlank()) {
      return new LocalDirectoryObjectStore(localDir.resolve("objects"));
    }
    if (!spec.startsWith("s3://") || spec.length() <= "s3://".length()) {
      throw new ObjectStoreSettingsException(
          OBJECT_STORE + " must look like s3://bucket or s3://bucket/prefix, got '" + spec + "'");
    }
    String rest = spec.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1);
    return new S3ObjectStore(s3Client(env), bucket, prefix);
  }

  /** An S3 client on the URL-connection HTTP client; endpoint override for moto and friends. */
  public static S3Client s3Client(Map<String, String> env) {
    String region =
        env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
    S3ClientBuilder builder =
        S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(region));
    String endpoint = env.get(S3_ENDPOINT);
    if (endpoint != null && !endpoint.isBlank()) {
      try {
        builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
      } catch (IllegalArgumentException e) {
        throw new ObjectStoreSettingsException(
            S3_ENDPOINT + " must be a URL like http://127.0.0.1:5000, got '" + endpoint + "'");
      }
    }
    return builder.build();
  }
}
