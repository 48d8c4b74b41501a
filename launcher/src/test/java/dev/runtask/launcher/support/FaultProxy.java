package dev.runtask.launcher.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of moto that records every AWS operation and lets a test inject what moto
 * cannot produce: throttling, 5xx, RunTask failures[], stop codes, exit codes, log timing.
 */
public final class FaultProxy implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> HOP_HEADERS =
      Set.of(
          "host",
          "content-length",
          "connection",
          "expect",
          "upgrade",
          "transfer-encoding",
          "keep-alive");
  private final HttpServer server;
  private final URI target;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<Hook> hooks = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  /**
   * One recorded request: IAM-style operation name ("ecs:RunTask") and its JSON body (null for
   * query APIs).
   */
  public record Call(String operation, JsonNode body) {}

  /** A canned answer sent instead of forwarding to moto. */
  public record Reply(int status, String body, Map<String, String> headers) {
    public static Reply awsJsonError(int status, String type, String message) {
      return new Reply(
          status,
          "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}",
          Map.of("Content-Type", "application/x-amz-json-1.1", "x-amzn-ErrorType", type));
    }

    public static Reply json(String body) {
      return new Reply(200, body, Map.of("Content-Type", "application/x-amz-json-1.1"));
    }
  }

  /** Test hooks; {@code n} is the 1-based count of calls of this operation so far. */
  public interface Hook {
    /** May change the request body in place or answer instead of moto. */
    default Reply before(String operation, int n, ObjectNode request) {
      return null;
    }

    /** May change moto's response body in place, or return a reply to send instead of it. */
    default Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
      return null;
    }
  }

  public FaultProxy(URI target) {
    this.target = target;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public FaultProxy hook(Hook hook) {
    hooks.add(hook);
    return this;
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<String> operations() {
    return calls.stream().map(Call::operation).toList();
  }

  public List<Call> calls(String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation)).toList();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      String operation = operation(ex, body);
      int n = counts.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
      ObjectNode request = parse(body);
      calls.add(new Call(operation, request == null ? null : request.deepCopy()));
      for (Hook hook : hooks) {
        Reply reply = hook.before(operation, n, request);
        if (reply != null) {
          send(ex, reply.status(), reply.body().getBytes(StandardCharsets.UTF_8), reply.headers());
          return;
        }
      }
      byte[] forwardBody = request == null ? body : JSON.writeValueAsBytes(request);
      HttpRequest.Builder b =
          HttpRequest.newBuilder(target.resolve(ex.getRequestURI().toString()))
              .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(forwardBody));
      ex.getRequestHeaders()
          .forEach(
              (k, values) -> {
                if (!HOP_HEADERS.contains(k.toLowerCase())) {
                  values.forEach(v -> b.header(k, v));
                }
              });
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] responseBody = r.body();
      ObjectNode response = r.statusCode() == 200 ? parse(responseBody) : null;
      if (response != null) {
        for (Hook hook : hooks) {
          Reply replaced = hook.after(operation, n, request, response);
          if (replaced != null) {
            send(
                ex,
                replaced.status(),
                replaced.body().getBytes(StandardCharsets.UTF_8),
                replaced.headers());
            return;
          }
        }
        responseBody = JSON.writeValueAsBytes(response);
      }
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      r.headers()
          .map()
          .forEach(
              (k, v) -> {
                if (!HOP_HEADERS.contains(k.toLowerCase()) && !k.startsWith(":") && !v.isEmpty()) {
                  headers.put(k, v.get(0));
                }
              });
      send(ex, r.statusCode(), responseBody, headers);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange ex, int status, byte[] body, Map<String, String> headers)
      throws IOException {
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
  }

  private static ObjectNode parse(byte[] body) {
    if (body.length == 0 || body[0] != '{') {
      return null;
    }
    try {
      return (ObjectNode) JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /** "ecs:RunTask" from X-Amz-Target (JSON protocols) or Action= (query protocol, STS). */
  static String operation(HttpExchange ex, byte[] body) {
    String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
    if (target != null) {
      String prefix = target.substring(0, target.indexOf('.'));
      String action = target.substring(target.indexOf('.') + 1);
      String service =
          prefix.startsWith("AmazonEC2ContainerServiceV")
              ? "ecs"
              : prefix.startsWith("AmazonEC2ContainerRegistry")
                  ? "ecr"
                  : prefix.startsWith("Logs_") ? "logs" : prefix;
      return service + ":" + action;
    }
    String form = new String(body, StandardCharsets.UTF_8);
    for (String pair : form.split("&")) {
      if (pair.startsWith("Action=")) {
        return "sts:" + URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
      }
    }
    return "unknown:" + ex.getRequestMethod() + " " + ex.getRequestURI();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** Real ECS returns the first response again for a repeated clientToken (24 h); moto does not. */
  public static Hook runTaskIdempotency() {
    Map<String, String> byToken = new ConcurrentHashMap<>();
    return new Hook() {
      @Override
      public Reply before(String operation, int n, ObjectNode request) {
        if (!"ecs:RunTask".equals(operation) || request == null || !request.has("clientToken")) {
          return null;
        }
        String earlier = byToken.get(request.get("clientToken").asText());
        return earlier == null ? null : Reply.json(earlier);
      }

      @Override
      public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
        if ("ecs:RunTask".equals(operation) && request != null && request.has("clientToken")) {
          byToken.putIfAbsent(request.get("clientToken").asText(), response.toString());
        }
        return null;
      }
    };
  }

  /**
   * Throttles {@code operation} as AWS does: a token bucket of {@code burst} refilled at {@code
   * perSecond}; a call finding it empty is answered ThrottlingException (400) and never reaches
   * moto. {@code throttled} counts those answers.
   */
  public static Hook throttleAbove(
      String operation, int perSecond, int burst, AtomicInteger throttled) {
    return new Hook() {
      private double tokens = burst;
      private long last = System.nanoTime();

      @Override
      public synchronized Reply before(String op, int n, ObjectNode request) {
        if (!operation.equals(op)) {
          return null;
        }
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perSecond / 1e9);
        last = now;
        if (tokens < 1) {
          throttled.incrementAndGet();
          return Reply.awsJsonError(400, "ThrottlingException", "Rate exceeded");
        }
        tokens -= 1;
        return null;
      }
    };
  }

  /** Rewrites the STOPPED task description the way ECS reports the given ending. */
  public static Hook stoppedAs(
      String stopCode, String stoppedReason, Integer exitCode, String containerReason) {
    return new Hook() {
      @Override
      public Reply after(String operation, int n, ObjectNode request, ObjectNode response) {
        if (operation.equals("ecs:DescribeTasks") && response.path("tasks").size() > 0) {
          ObjectNode task = (ObjectNode) response.path("tasks").get(0);
          if ("STOPPED".equals(task.path("lastStatus").asText())) {
            task.put("stopCode", stopCode).put("stoppedReason", stoppedReason);
            ObjectNode container = (ObjectNode) task.path("containers").get(0);
            if (exitCode == null) {
              container.remove("exitCode");
            } else {
              container.put("exitCode", exitCode);
            }
            if (containerReason != null) {
              container.put("reason", containerReason);
            }
          }
        }
        return null;
      }
    };
  }
}
