package dev.runtask.launcher.cli;

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
}
