package dev.runtask.launcher.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Registered for every SDK client on the test classpath (global execution.interceptors): records
 * the IAM action of each call made on a thread while {@link #recording} is on, i.e. the launcher's
 * own calls and not the fixture's set-up or the proxy hooks (which run on other threads).
 */
public final class RecordingInterceptor implements ExecutionInterceptor {
  private static final Map<String, String> IAM_PREFIX =
      Map.of("Ecs", "ecs", "Ecr", "ecr", "CloudWatchLogs", "logs", "Sts", "sts");
  private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    List<String> actions = RECORDING.get();
    if (actions != null) {
      String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
      actions.add(
          IAM_PREFIX.getOrDefault(service, service)
              + ":"
              + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
  }

  /** Runs {@code work} and returns the IAM actions of the SDK calls it made on this thread. */
  public static List<String> recording(Runnable work) {
    List<String> actions = new CopyOnWriteArrayList<>();
    RECORDING.set(actions);
    try {
      work.run();
    } finally {
      RECORDING.remove();
    }
    return List.copyOf(actions);
  }
}
