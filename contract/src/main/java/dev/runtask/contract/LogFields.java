package dev.runtask.contract;

/**
 * The field names of the runtime's JSON log lines (one object per line on stdout, what CloudWatch
 * Logs stores): the runtime's encoder writes them and the launcher reads them, from here only.
 */
public final class LogFields {
  /** Milliseconds since the epoch (a JSON number). */
  public static final String TIMESTAMP = "timestamp";

  /** TRACE, DEBUG, INFO, WARN or ERROR. */
  public static final String LEVEL = "level";

  public static final String THREAD = "threadName";
  public static final String LOGGER = "loggerName";

  /** An object of strings: task, runId and, on ECS, ecsTaskArn; {@link #SHARD} for a fan-out. */
  public static final String MDC = "mdc";

  /** The MDC key of a fan-out shard, {@code index/count}; rendered as a {@code [3/16]} prefix. */
  public static final String SHARD = "shard";

  /** The message with its arguments filled in. */
  public static final String MESSAGE = "formattedMessage";

  /**
   * The exception, as Java prints it (class: message, then tab-indented frames), when there is one.
   */
  public static final String STACK_TRACE = "stackTrace";

  /**
   * The end-of-log marker: present (a JSON number) only on the runtime's last line, "Task X
   * finished with exit code N", and holds N. Nothing of the task is logged after it.
   */
  public static final String EXIT_CODE = "runtaskExitCode";

  private LogFields() {}
}
