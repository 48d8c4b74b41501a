package dev.runtask.launcher.io;

import dev.runtask.contract.LogEvent;
import dev.runtask.contract.LogRendering;
import java.time.ZoneId;

/**
 * Where and in which form the task's own lines reach the operator, for local and ECS runs alike. At
 * a terminal the runtime's JSON lines are rendered as its text layout (contract {@link
 * LogRendering}: time, level in colour unless {@code NO_COLOR}, message, stack trace); off a
 * terminal and with {@code --output json} every line is passed on exactly as the task wrote it (the
 * runtime's JSON lines, one per line), so it can be piped into jq or a collector.
 */
public final class TaskOutput {
  private final Terminal terminal;
  private final LogRendering rendering;
  private final boolean toStderr;

  private TaskOutput(Terminal terminal, LogRendering rendering, boolean toStderr) {
    this.terminal = terminal;
    this.rendering = rendering;
    this.toStderr = toStderr;
  }

  /** {@code json}: stdout carries the report only, so task lines go to stderr, unrendered. */
  public static TaskOutput of(Host host, boolean json) {
    boolean render = host.terminal().interactive() && !json;
    return new TaskOutput(
        host.terminal(),
        render ? LogRendering.of(true, host.env(), ZoneId.systemDefault()) : null,
        json);
  }

  /** A line the task wrote to its standard output (or CloudWatch holds). */
  public void line(String line) {
    terminal.taskLine(render(line), toStderr);
  }

  /** A line the task wrote to its standard error: stays on stderr. */
  public void errorLine(String line) {
    terminal.taskLine(render(line), true);
  }

  /**
   * A line of one fan-out shard. The runtime's lines already carry their shard (the {@code shard}
   * field, rendered as a {@code [3/16]} prefix), so they are shown as any other task line; other
   * lines (the JVM's, a foreign program's) get {@code label} in front, so every line says where it
   * came from and the JSON lines stay JSON.
   */
  public void shardLine(String label, String line, boolean stderr) {
    String shown = LogEvent.parse(line).isPresent() ? render(line) : label + " " + line;
    terminal.taskLine(shown, stderr || toStderr);
  }

  private String render(String line) {
    return rendering == null ? line : rendering.renderLine(line);
  }
}
