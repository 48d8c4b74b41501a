package dev.runtask.launcher.aws;

import dev.runtask.launcher.io.Terminal;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Follows one container's CloudWatch Logs stream with GetLogEvents and nextForwardToken. The token
 * is the only cursor: every event is printed once, in order, and a page is read until the token
 * comes back unchanged (the documented end-of-stream signal). A stream that does not exist yet
 * (awslogs creates it when the container starts) is simply "no lines yet".
 */
public final class LogFollower {
  private final CloudWatchLogsClient logs;
  private final String group;
  private final String stream;
  private final Terminal terminal;
  private final boolean toStderr;
  private String token;
  private boolean streamSeen;

  public LogFollower(
      CloudWatchLogsClient logs, LogStream target, Terminal terminal, boolean toStderr) {
    this.logs = logs;
    this.group = target.group();
    this.stream = target.stream();
    this.terminal = terminal;
    this.toStderr = toStderr;
  }

  public String group() {
    return group;
  }

  public String stream() {
    return stream;
  }

  public boolean streamSeen() {
    return streamSeen;
  }

  /** Prints every event available now; returns how many were printed. */
  public int poll() {
    int count = 0;
    int emptyPages = 0;
    while (true) {
      GetLogEventsResponse page;
      try {
        page =
            logs.getLogEvents(
                r ->
                    r.logGroupName(group)
                        .logStreamName(stream)
                        .startFromHead(true)
                        .nextToken(token));
      } catch (ResourceNotFoundException e) {
        return count;
      }
      streamSeen = true;
      for (OutputLogEvent event : page.events()) {
        terminal.taskLine(event.message(), toStderr);
        count++;
      }
      String next = page.nextForwardToken();
      // The unchanged token is the end signal; the empty-page cap guards against an endpoint
      // that hands out a fresh token on every empty page.
      emptyPages = page.events().isEmpty() ? emptyPages + 1 : 0;
      boolean end = next == null || next.equals(token) || emptyPages >= 3;
      token = next == null ? token : next;
      if (end) {
        return count;
      }
    }
  }
}
