package dev.runtask.launcher.support;

import dev.runtask.launcher.Main;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.io.Interrupts;
import dev.runtask.launcher.io.Terminal;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the launcher in-process with a chosen environment, working directory, terminal and stdin.
 */
public final class TestHost {
  private final Map<String, String> env = new HashMap<>(Map.of("XDG_STATE_HOME", stateDir()));

  /** Fan-out journals go to a directory of the test's own, never the user's home. */
  private static String stateDir() {
    try {
      Path dir = java.nio.file.Files.createTempDirectory("runtask-state");
      dir.toFile().deleteOnExit();
      return dir.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Path workDir = Path.of(".");
  private boolean interactive;
  private String stdin = "";
  private OutputStream stdoutTap;
  private final Interrupts interrupts = new Interrupts();

  public TestHost env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** The value a variable has in this host's environment (null when unset). */
  public String envValue(String name) {
    return env.get(name);
  }

  public TestHost workDir(Path dir) {
    this.workDir = dir;
    return this;
  }

  public TestHost interactive(String answers) {
    this.interactive = true;
    this.stdin = answers;
    return this;
  }

  /** Also copies the launcher's stdout here as it is written (to react to a child's output). */
  public TestHost tapStdout(OutputStream tap) {
    this.stdoutTap = tap;
    return this;
  }

  public Interrupts interrupts() {
    return interrupts;
  }

  /** The result a user would see: exit code, stdout and stderr. */
  public record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  public Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    OutputStream outTarget = stdoutTap == null ? out : new Tee(out, stdoutTap);
    Terminal terminal =
        new Terminal(
            new PrintStream(outTarget, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new BufferedReader(new StringReader(stdin)),
            interactive);
    int code =
        Main.run(new Host(Map.copyOf(env), workDir.toAbsolutePath(), terminal, interrupts), args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws java.io.IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }
}
