package dev.runtask.launcher.ecs;

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
 * clientToken is identical on every retry.
 */
public final class AwsClients implements AutoCloseable {
    private final AwsSettings settings;
    private SdkHttpClient http;
    private EcsClient ecs;
    private EcrClient ecr;
    private CloudWatchLogsClient logs;
    private StsClient sts;

    public AwsClients(AwsSettings settings) {
        this.settings = settings;
    }

    public AwsSettings settings() {
        return settings;
    }

    public synchronized EcsClient ecs() {
        if (ecs == null) {
            ecs = configure(EcsClient.builder()).build();
        }
        return ecs;
    }

    public synchronized EcrClient ecr() {
        if (ecr == null) {
            ecr = configure(EcrClient.builder()).build();
        }
        return ecr;
    }

    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = configure(CloudWatchLogsClient.builder()).build();
        }
        return logs;
    }

    public synchronized StsClient sts() {
        if (sts == null) {
            sts = configure(StsClient.builder()).build();
        }
        return sts;
    }

    private synchronized SdkHttpClient http() {
        if (http == null) {
            http = UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofSeconds(60))
                    .build();
        }
        return http;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(Region.of(settings.region()))
                .credentialsProvider(settings.credentials())
                .httpClient(http())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : new AutoCloseable[] {ecs, ecr, logs, sts, http}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // Closing at exit: nothing useful to do with a failure here.
                }
            }
        }
    }
}
