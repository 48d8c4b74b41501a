package dev.runtask.tasks.aot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** One finished child JVM: exit code and what it wrote to stdout and stderr. */
record JvmRun(int code, String stdout, String stderr) {
  static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final Pattern JVM_LINE = Pattern.compile("\\[[0-9.]+s\\]\\[.*|.*VM warning.*");

  /** Runs {@code command} in {@code dir} with {@code env} added; at most a minute. */
  static JvmRun of(List<String> command, Path dir, Map<String, String> env)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile());
    builder.redirectError(err.toFile());
    builder.environment().remove("RUNTASK_LOG_FORMAT");
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not exit within a minute");
    }
    return new JvmRun(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /**
   * Lines the JVM wrote to stderr itself: unified logging ({@code [0.1s][error][cds]}), VM
   * warnings.
   */
  List<String> jvmOutputOnStderr() {
    return stderr.lines().filter(JVM_LINE.asMatchPredicate()).toList();
  }

  /** True when every stdout line is a JSON log line (the JVM printed nothing of its own there). */
  boolean stdoutIsJsonLinesOnly() {
    return stdout.lines().allMatch(line -> line.startsWith("{\"timestamp\":"));
  }
}
