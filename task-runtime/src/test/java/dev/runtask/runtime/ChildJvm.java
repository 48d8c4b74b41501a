package dev.runtask.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real child JVM running {@link Main} on the test class path, with its output collected line by
 * line.
 */
final class ChildJvm implements AutoCloseable {
  /**
   * Upper bound for anything a child should do promptly; exceeding it fails the test instead of
   * hanging.
   */
  private static final long PATIENCE_SECONDS = 60;

  private final Process process;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final List<String> stderr = new CopyOnWriteArrayList<>();
  private final Thread stdoutReader;
  private final Thread stderrReader;

  private ChildJvm(Process process) {
    this.process = process;
    this.stdoutReader = drain(process.getInputStream(), stdout);
    this.stderrReader = drain(process.getErrorStream(), stderr);
  }

  static ChildJvm start(Map<String, String> env, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("RUNTASK_LOG_FORMAT");
    builder.environment().putAll(env);
    return new ChildJvm(builder.start());
  }

  /**
   * Waits until a stdout line matches, so a signal is sent only once the task is really running.
   */
  String awaitStdoutLine(Predicate<String> matches) throws InterruptedException {
    synchronized (stdout) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
      while (true) {
        for (String line : stdout) {
          if (matches.test(line)) {
            return line;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || !process.isAlive() && !stdoutReader.isAlive()) {
          throw new AssertionError(
              "no matching line; stdout so far: " + stdout + " stderr: " + stderr);
        }
        stdout.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
      }
    }
  }

  int awaitExit() throws InterruptedException {
    if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("child did not exit; stdout: " + stdout);
    }
    stdoutReader.join();
    stderrReader.join();
    return process.exitValue();
  }

  void signal(String name) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new AssertionError("kill -" + name + " failed");
    }
  }

  /** Writes one line to the child's stdin. */
  void writeStdin(String line) throws IOException {
    process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
  }

  List<String> stdout() {
    return stdout;
  }

  String stderr() {
    return String.join("\n", stderr);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private static Thread drain(InputStream stream, List<String> lines) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                  }
                }
              } catch (IOException e) {
                // The child went away; what was read is kept.
              } finally {
                synchronized (lines) {
                  lines.notifyAll();
                }
              }
            },
            "child-output");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }
}
