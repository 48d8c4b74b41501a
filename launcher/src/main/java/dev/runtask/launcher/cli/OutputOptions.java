package dev.runtask.launcher.cli;

import dev.runtask.launcher.config.JsonFiles;
import dev.runtask.launcher.exit.Failure;
import dev.runtask.launcher.explain.Outcome;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.run.RunResult;
import picocli.CommandLine.Option;

/**
 * --output text|json: json puts one machine-readable object on stdout and everything else on
 * stderr.
 */
public final class OutputOptions {
  /** Output form. */
  public enum Format {
    text,
    json
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default) or json (one JSON object on stdout for CI).")
  Format format;

  boolean json() {
    return format == Format.json;
  }

  /**
   * With json, the object of a run, attach or stop that failed before it had a {@link RunResult}
   * ({@link RunResult#failed}): CI reads the same fields however the command ended. {@code task} is
   * what the command was given, and may be null.
   */
  void reportFailedRun(Host host, String task, Failure failure) {
    if (json()) {
      host.terminal()
          .result(
              JsonFiles.pretty(
                  RunResult.failed(task, new Outcome(failure.exitCode(), failure.message()))
                      .json()));
    }
  }
}
