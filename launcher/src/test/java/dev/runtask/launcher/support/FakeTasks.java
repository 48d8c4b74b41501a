package dev.runtask.launcher.support;

import java.util.Arrays;

/**
 * Stands in for tasks.jar in local-platform tests: prints what it got, exits as told, obeys
 * SIGTERM.
 */
public final class FakeTasks {
  private FakeTasks() {}

  /**
   * A fan-out shard: says which one it is; {@code --name fail-odd-shards} makes odd shards exit 40
   * + index; {@code RUNNING_DIR} holds a file per running shard, so a shard can tell how many run
   * beside it (it stays a moment, long enough for siblings started at once to see it).
   */
  static void fanOutShard(int index, String[] args) throws InterruptedException {
    System.out.println(
        "shard="
            + index
            + "/"
            + System.getenv("SHARD_COUNT")
            + " run="
            + System.getenv("RUNTASK_RUN_ID"));
    String dir = System.getenv("RUNNING_DIR");
    if (dir != null) {
      java.io.File me = new java.io.File(dir, "shard-" + index);
      try {
        me.createNewFile();
        System.out.println("concurrent=" + new java.io.File(dir).list().length);
        Thread.sleep(300);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } finally {
        me.delete();
      }
    }
    if (Arrays.asList(args).contains("fail-odd-shards") && index % 2 == 1) {
      System.err.println("shard " + index + " failed on purpose");
      System.exit(40 + index);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    System.out.println("args=" + Arrays.toString(args));
    System.out.println("launched-by=" + System.getenv("RUNTASK_LAUNCHED_BY"));
    System.out.println("greeting=" + System.getenv("GREETING"));
    System.out.println("aws-secret-visible=" + (System.getenv("AWS_SECRET_ACCESS_KEY") != null));
    System.err.println("a line on stderr");
    String shard = System.getenv("SHARD_INDEX");
    if (shard != null) {
      fanOutShard(Integer.parseInt(shard), args);
    }
    if (Arrays.asList(args).contains("stubborn")) {
      // Ignores SIGTERM: its shutdown hook never finishes, so only SIGKILL ends it.
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    System.out.println("ignoring SIGTERM");
                    try {
                      Thread.sleep(120_000);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
      System.out.println("ready");
      Thread.sleep(120_000);
    }
    switch (args[0]) {
      case "import-users" -> System.exit(3);
      case "sleep" -> {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("got SIGTERM")));
        System.out.println("ready");
        Thread.sleep(120_000);
      }
      default -> System.exit(0);
    }
  }
}
