package dev.runtask.launcher.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The four AWS clients, each built on first use: a dry run or a bad-input exit builds none, and
 * start-up pays only for the services a command really calls. All share one url-connection HTTP
 * client and the SDK's standard retry mode, which resends the same request object — so RunTask's
 * clientToken is identical on every retry. The credentials are resolved before the first client is
 * handed out, so "no credentials" is said once, plainly, before any call is made.
 */
public final class AwsClients implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
  private final AwsSettings settings;
  private final Lazy<SdkHttpClient> http =
      new Lazy<>(() -> UrlConnectionHttpClient.create(AwsClients::connect));
  private final Lazy<EcsClient> ecs =
      new Lazy<>(() -> configure(EcsClient.builder(), "ecs").build());
  private final Lazy<EcrClient> ecr =
      new Lazy<>(() -> configure(EcrClient.builder(), "ecr").build());
  private final Lazy<CloudWatchLogsClient> logs =
      new Lazy<>(() -> configure(CloudWatchLogsClient.builder(), "logs").build());
  private final Lazy<StsClient> sts =
      new Lazy<>(() -> configure(StsClient.builder(), "sts").build());
  private final Lazy<Boolean> credentials =
      new Lazy<>(
          () -> {
            Credentials.resolve(settings());
            return true;
          });

  public AwsClients(AwsSettings settings) {
    this.settings = settings;
  }

  public AwsSettings settings() {
    return settings;
  }

  public EcsClient ecs() {
    credentials.get();
    return ecs.get();
  }

  public EcrClient ecr() {
    credentials.get();
    return ecr.get();
  }

  public CloudWatchLogsClient logs() {
    credentials.get();
    return logs.get();
  }

  public StsClient sts() {
    credentials.get();
    return sts.get();
  }

  /**
   * Builds the STS, ECR and ECS clients on background threads while the caller is still validating
   * input: building (class loading, endpoint rules) is most of a short run's start-up cost, and it
   * sends nothing over the network.
   */
  public void prebuild() {
    for (Lazy<?> client : java.util.List.of(sts, ecr, ecs)) {
      Thread t =
          new Thread(
              () -> {
                try {
                  client.get();
                } catch (RuntimeException e) {
                  // Reported when the client is really used, on the caller's thread.
                }
              },
              "aws-client-prebuild");
      t.setDaemon(true);
      t.start();
    }
  }

  /**
   * Builds and discards one client of each kind with placeholder settings: that loads and
   * initialises the SDK (most of a short run's start-up) on a spare core while the command line and
   * config are still being parsed. Building a client sends nothing over the network.
   */
  public static void warmUp() {
    AwsClients placeholder =
        new AwsClients(
            new AwsSettings(
                "us-east-1",
                URI.create("http://127.0.0.1:9"),
                software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create(),
                "nowhere (a placeholder)"));
    try (placeholder) {
      placeholder.sts();
      placeholder.ecs();
      placeholder.ecr();
    }
  }

  /**
   * Plain JDK connections: the JDK sets up TLS (trust store and all) on the first https connection,
   * whereas the SDK's default factory builds an SSLContext up front even for an http emulator.
   */
  private static HttpURLConnection connect(URI uri) {
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
      connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
      return connection;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
      B builder, String service) {
    builder
        .region(Region.of(settings.region()))
        .credentialsProvider(settings.credentials())
        .httpClient(http.get())
        .overrideConfiguration(
            o ->
                o.retryStrategy(RetryMode.STANDARD)
                    .addExecutionInterceptor(new OperationNaming(service)));
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return builder;
  }

  @Override
  public void close() {
    for (Lazy<? extends AutoCloseable> c : java.util.List.of(ecs, ecr, logs, sts, http)) {
      c.ifBuilt(
          client -> {
            try {
              client.close();
            } catch (Exception e) {
              // Closing at exit: nothing useful to do with a failure here.
            }
          });
    }
  }

  /**
   * A value built once on first use; each has its own lock so different clients build in parallel.
   */
  private static final class Lazy<T> {
    private final java.util.function.Supplier<T> factory;
    private volatile T value;

    Lazy(java.util.function.Supplier<T> factory) {
      this.factory = factory;
    }

    T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = factory.get();
            value = v;
          }
        }
      }
      return v;
    }

    void ifBuilt(java.util.function.Consumer<T> action) {
      T v = value;
      if (v != null) {
        action.accept(v);
      }
    }
  }
}
