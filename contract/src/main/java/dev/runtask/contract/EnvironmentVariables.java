package dev.runtask.contract;

/** Names of the environment variables the launcher sets and the runtime reads. */
public final class EnvironmentVariables {
  /** Who launched the run: the STS caller ARN, or {@code local:$USER}. */
  public static final String LAUNCHED_BY = "RUNTASK_LAUNCHED_BY";

  /**
   * {@code json} or {@code text}; the launcher asks for text when its operator is at a terminal.
   */
  public static final String LOG_FORMAT = "RUNTASK_LOG_FORMAT";

  /**
   * The task's database (JDBC URL); unset, the runtime uses its embedded H2 file database, which
   * only one process at a time uses reliably (a local fan-out then runs its shards one by one).
   */
  public static final String DB_URL = "RUNTASK_DB_URL";

  /** The id of a launcher run; every task of a fan-out gets the same one. */
  public static final String RUN_ID = "RUNTASK_RUN_ID";

  /** A fan-out task's shard, 0 to {@link #SHARD_COUNT} − 1. */
  public static final String SHARD_INDEX = "SHARD_INDEX";

  /** How many shards a fan-out runs. */
  public static final String SHARD_COUNT = "SHARD_COUNT";

  private EnvironmentVariables() {}
}
