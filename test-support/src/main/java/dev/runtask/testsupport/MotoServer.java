package dev.runtask.testsupport;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A moto_server child process on a free port (ENVIRONMENT: one per test run), for tests of AWS
 * code; fails loudly when it cannot start. Any access key works; account 123456789012.
 */
public final class MotoServer implements AutoCloseable {
  private final Process process;
  private final String endpoint;

  private MotoServer(Process process, String endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /** The endpoint URL, e.g. {@code http://127.0.0.1:41234}. */
  public String endpoint() {
    return endpoint;
  }

  public static MotoServer start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = Files.createTempFile("moto-", ".log");
    Process p;
    try {
      p =
          new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "S3 tests need moto_server on PATH (pip package moto[server])", e);
    }
    String endpoint = "http://127.0.0.1:" + port;
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!answers(endpoint)) {
      if (!p.isAlive() || Instant.now().isAfter(deadline)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            "moto_server did not come up on " + endpoint + ": " + Files.readString(log));
      }
      Thread.sleep(50);
    }
    return new MotoServer(p, endpoint);
  }

  private static boolean answers(String endpoint) {
    try {
      HttpURLConnection c =
          (HttpURLConnection) URI.create(endpoint + "/moto-api/").toURL().openConnection();
      c.setConnectTimeout(200);
      c.setReadTimeout(1000);
      return c.getResponseCode() > 0;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
