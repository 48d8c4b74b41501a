package dev.runtask.testharness;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one moto_server of a test JVM ({@code moto_server -H 127.0.0.1 -p PORT} on a free port),
 * started on first use and stopped when the JVM exits; tests reset its state instead of restarting
 * it. Without moto_server on PATH the AWS tests fail, saying how to install it.
 */
public final class MotoServer {
  private static MotoServer instance;
  private final Process process;
  private final URI endpoint;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private MotoServer(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /** The server, started on the first call. */
  public static synchronized MotoServer get() {
    if (instance == null) {
      instance = start();
    }
    return instance;
  }

  private static MotoServer start() {
    Path executable = onPath("moto_server");
    if (executable == null) {
      throw new IllegalStateException(
          "moto_server is not on PATH: install moto with its server extra"
              + " (pip install 'moto[server]') to run the AWS tests");
    }
    int port = freePort();
    try {
      Path log = Files.createTempFile("moto-server", ".log");
      Process p =
          new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      MotoServer server = new MotoServer(p, URI.create("http://127.0.0.1:" + port));
      Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
      server.awaitReady(log);
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start moto_server: " + e.getMessage(), e);
    }
  }

  /** Polls until moto answers: readiness of an external process has no other signal to wait on. */
  private void awaitReady(Path log) throws IOException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto_server exited: " + Files.readString(log));
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        process.waitFor(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(
        "moto_server did not answer within 60 s: " + Files.readString(log));
  }

  /** The endpoint, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return endpoint;
  }

  /** Forgets every resource, as a fresh server would. */
  public void reset() {
    post("/moto-api/reset", "");
  }

  /**
   * Tasks advance one state per DescribeTasks by default; "manual" with {@code times} slows them
   * down.
   */
  public void taskTransitions(int times) {
    post(
        "/moto-api/state-manager/set-transition",
        "{\"model_name\":\"ecs::task\",\"transition\":{\"progression\":\"manual\",\"times\":"
            + times
            + "}}");
  }

  public void unsetTaskTransitions() {
    post("/moto-api/state-manager/unset-transition", "{\"model_name\":\"ecs::task\"}");
  }

  /** Ids of the default VPC's subnets or security groups, read with the EC2 query API. */
  public List<String> ec2Ids(String action, String element) {
    String body = post("/", "Action=" + action + "&Version=2016-11-15");
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(body);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private String post(String path, String body) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(endpoint.resolve(path))
              .POST(HttpRequest.BodyPublishers.ofString(body));
      if (path.equals("/")) {
        b.header("Content-Type", "application/x-www-form-urlencoded")
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ec2/aws4_request");
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException(path + " → " + r.statusCode() + ": " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
