package dev.runtask.runtime.tcc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.testharness.MotoServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3ObjectStore.SDK_CALLS is exactly what the store calls: the build removes the SDK classes of
 * every other S3 operation from tasks.jar, so a call missing from the list would fail on ECS only.
 */
class S3ObjectStoreCallsTest {
  private static final String BUCKET = "runtask-calls-" + UUID.randomUUID();

  @Test
  void sdkCalls_everyStoreOperationOnPresentAndMissingKeys_areExactlyTheListedOnes()
      throws Exception {
    MotoServer moto = MotoServer.get();
    // Moto accepts any credentials; the SDK's default chain reads these (as in S3TccTest).
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    Set<String> invoked = new TreeSet<>();
    try (S3Client s3 = recordingClient(moto, invoked)) {
      s3.createBucket(b -> b.bucket(BUCKET));
      invoked.clear();
      S3ObjectStore store = new S3ObjectStore(s3, BUCKET, UUID.randomUUID().toString());
      byte[] report = "report".getBytes(StandardCharsets.UTF_8);

      store.put("pending/a", report);
      assertThat(store.exists("pending/a")).isTrue();
      assertThat(store.exists("missing")).isFalse();
      assertThat(store.get("pending/a")).hasValueSatisfying(b -> assertThat(b).isEqualTo(report));
      assertThat(store.get("missing")).isEmpty();
      store.copy("pending/a", "final/a");
      store.delete("pending/a");
      assertThat(store.exists("pending/a")).isFalse();
      assertThat(store.get("final/a")).isPresent();
    }

    assertThat(invoked).containsExactlyInAnyOrderElementsOf(S3ObjectStore.SDK_CALLS);
  }

  @Test
  void sdkCalls_areUniqueServiceColonOperation() {
    assertThat(S3ObjectStore.SDK_CALLS)
        .doesNotHaveDuplicates()
        .allMatch(a -> a.matches("s3:[A-Z][A-Za-z]+"));
  }

  /** A client as ObjectStores builds it, recording each call's operation. */
  private static S3Client recordingClient(MotoServer moto, Set<String> invoked) {
    ExecutionInterceptor recorder =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(
              Context.BeforeExecution context, ExecutionAttributes attributes) {
            invoked.add("s3:" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
          }
        };
    return S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.US_EAST_1)
        .endpointOverride(moto.endpoint())
        .forcePathStyle(true)
        .overrideConfiguration(c -> c.executionInterceptors(List.of(recorder)))
        .build();
  }
}
