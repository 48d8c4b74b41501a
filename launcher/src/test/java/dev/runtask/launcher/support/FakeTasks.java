package dev.runtask.launcher.support;

import java.util.Arrays;

/**
 * Stands in for tasks.jar in local-platform tests: prints what it got, exits as told, obeys
 * SIGTERM.
 */
public final class FakeTasks {
  private FakeTasks() {}

  public static void main(String[] args) throws InterruptedException {
    System.out.println("args=" + Arrays.toString(args));
    System.out.println("launched-by=" + System.getenv("RUNTASK_LAUNCHED_BY"));
    System.out.println("greeting=" + System.getenv("GREETING"));
    System.out.println("aws-secret-visible=" + (System.getenv("AWS_SECRET_ACCESS_KEY") != null));
    System.err.println("a line on stderr");
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
