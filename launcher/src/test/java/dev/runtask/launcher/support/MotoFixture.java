package dev.runtask.launcher.support;

import dev.runtask.testharness.MotoServer;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * A fresh moto state for one test: cluster, ECR repository with the pushed image tag, log group,
 * default subnet and security group. Set-up goes straight to moto, so the proxy logs only the
 * launcher.
 */
public final class MotoFixture implements AutoCloseable {
  public static final String IMAGE_TAG = "abc123";
  public static final String CLUSTER = "runtask-test";
  public static final String LOG_GROUP = "/ecs/runtask-test";
  public final MotoServer moto = MotoServer.get();
  public final FaultProxy proxy;
  public final EcsClient ecs;
  public final CloudWatchLogsClient logs;
  public final EcrClient ecr;
  public final String subnet;
  public final String securityGroup;

  public MotoFixture() {
    moto.reset();
    URI endpoint = moto.endpoint();
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    var http = UrlConnectionHttpClient.builder().build();
    ecs =
        EcsClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(http)
            .build();
    logs =
        CloudWatchLogsClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(http)
            .build();
    ecr =
        EcrClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(http)
            .build();
    ecs.createCluster(r -> r.clusterName(CLUSTER));
    ecr.createRepository(r -> r.repositoryName("runtask"));
    ecr.putImage(
        r ->
            r.repositoryName("runtask")
                .imageTag(IMAGE_TAG)
                .imageManifest(
                    "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\",\"config\":{\"digest\":\"sha256:"
                        + "0".repeat(64)
                        + "\"},\"layers\":[]}"));
    logs.createLogGroup(r -> r.logGroupName(LOG_GROUP));
    subnet = moto.ec2Ids("DescribeSubnets", "subnetId").get(0);
    securityGroup = moto.ec2Ids("DescribeSecurityGroups", "groupId").get(0);
    proxy = new FaultProxy(endpoint);
  }

  /** A host configured for the test project and this fixture's network ids. */
  public TestHost host(java.nio.file.Path project) {
    return new TestHost()
        .workDir(project)
        .env("TEST_SUBNET", subnet)
        .env("TEST_SECURITY_GROUP", securityGroup)
        .env("USER", "tester")
        .env("RUNTASK_IMAGE_TAG", IMAGE_TAG);
  }

  /** Common arguments: credentials and the proxy endpoint. */
  public String[] aws() {
    return new String[] {
      "-k",
      "AKIATESTKEY",
      "-s",
      "test-secret-do-not-print",
      "--endpoint-url",
      proxy.endpoint().toString(),
      "--poll-interval",
      "1ms",
      "--max-poll-interval",
      "5ms",
      "--log-grace",
      "100ms"
    };
  }

  /**
   * Writes lines to the container's log stream as awslogs would (creating the stream if needed).
   */
  public void writeLogs(String taskArn, List<String> lines) {
    long now = Instant.now().toEpochMilli();
    List<InputLogEvent> events = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      events.add(InputLogEvent.builder().timestamp(now + i).message(lines.get(i)).build());
    }
    putEvents(taskArn, events);
  }

  /** Writes lines that all carry one timestamp, as a burst of output within a millisecond does. */
  public void writeLogsAt(String taskArn, long timestamp, List<String> lines) {
    putEvents(
        taskArn,
        lines.stream()
            .map(l -> InputLogEvent.builder().timestamp(timestamp).message(l).build())
            .toList());
  }

  /** PutLogEvents of these events into the task's stream (created when missing). */
  public void putEvents(String taskArn, List<InputLogEvent> events) {
    String stream = "runtask/task/" + taskArn.substring(taskArn.lastIndexOf('/') + 1);
    try {
      logs.createLogStream(r -> r.logGroupName(LOG_GROUP).logStreamName(stream));
    } catch (
        software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException e) {
      // Second batch for the same task.
    }
    logs.putLogEvents(r -> r.logGroupName(LOG_GROUP).logStreamName(stream).logEvents(events));
  }

  @Override
  public void close() {
    proxy.close();
    ecs.close();
    logs.close();
    ecr.close();
  }
}
