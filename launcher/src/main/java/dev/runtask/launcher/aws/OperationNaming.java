package dev.runtask.launcher.aws;

import dev.runtask.launcher.exit.FailedCalls;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Notes the operation ({@code ecs:RunTask}) of every failed call, after the SDK's retries, so the
 * operator's one line says which call failed (see {@link FailedCalls}).
 */
final class OperationNaming implements ExecutionInterceptor {
  private final String service;

  /** {@code service} is the IAM prefix: ecs, ecr, logs, sts. */
  OperationNaming(String service) {
    this.service = service;
  }

  @Override
  public Throwable modifyException(
      Context.FailedExecution context, ExecutionAttributes attributes) {
    Throwable failure = context.exception();
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    if (operation != null) {
      FailedCalls.note(failure, service + ":" + operation);
    }
    return failure;
  }
}
