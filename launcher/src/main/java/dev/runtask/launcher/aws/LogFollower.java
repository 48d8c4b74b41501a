package dev.runtask.launcher.aws;

import dev.runtask.contract.LogEvent;
import dev.runtask.contract.LogFields;
import dev.runtask.launcher.io.TaskOutput;
import java.time.Instant;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Follows one container's CloudWatch Logs stream with GetLogEvents and nextForwardToken. The token
 * is the only cursor: every event is printed once, in order, also events that share a timestamp. A
 * stream that does not exist yet (awslogs creates it when the container starts) is "no lines yet".
 * It also notes the runtime's end-of-log marker ({@link LogFields#EXIT_CODE}) and the timestamp of
 * the last event, which tell the watch when the log is complete.
 */
public final class LogFollower {
  /** A page this big may have been cut by GetLogEvents' 1 MB / 10,000 event limit. */
  private static final int FULL_PAGE_EVENTS = 10_000;

  private static final long FULL_PAGE_BYTES = 768 * 1024;
  private static final int EVENT_OVERHEAD_BYTES = 26;
  private final CloudWatchLogsClient logs;
  private final String group;
  private final String stream;
  private final TaskOutput output;
  private final Instant from;
  private String token;
  private boolean streamSeen;
  private boolean atEnd;
  private boolean endOfLogSeen;
  private long lastTimestamp = Long.MIN_VALUE;

  /** {@code from}: the first event to print (null: the stream's first). */
  public LogFollower(CloudWatchLogsClient logs, LogStream target, TaskOutput output, Instant from) {
    this.logs = logs;
    this.group = target.group();
    this.stream = target.stream();
    this.output = output;
    this.from = from;
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

  /** The last call returned the token it was given: nothing more is stored right now. */
  public boolean atEnd() {
    return atEnd;
  }

  /** The runtime's last line has been printed: nothing of the task follows it. */
  public boolean endOfLogSeen() {
    return endOfLogSeen;
  }

  /** Timestamp (epoch ms) of the last event printed; Long.MIN_VALUE before the first. */
  public long lastTimestamp() {
    return lastTimestamp;
  }

  /**
   * Prints the events available now and returns how many. One call while the task runs: a page that
   * is not full holds everything stored so far, and what comes next is read on the next poll, so
   * following costs one GetLogEvents per poll. Full pages, and empty pages that still move the
   * token, are read on at once.
   */
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
                        .startTime(token == null && from != null ? from.toEpochMilli() : null)
                        .nextToken(token));
      } catch (ResourceNotFoundException e) {
        return count;
      }
      streamSeen = true;
      long bytes = 0;
      for (OutputLogEvent event : page.events()) {
        output.line(event.message());
        count++;
        bytes += event.message().length() + EVENT_OVERHEAD_BYTES;
        if (event.timestamp() != null) {
          lastTimestamp = Math.max(lastTimestamp, event.timestamp());
        }
        endOfLogSeen |= isEndOfLog(event.message());
      }
      String next = page.nextForwardToken();
      boolean unchanged = next == null || next.equals(token);
      token = next == null ? token : next;
      atEnd = unchanged;
      if (unchanged) {
        return count;
      }
      if (page.events().isEmpty()) {
        // A fresh token on an empty page can mean more further on; the cap guards against an
        // endpoint that hands out a fresh token on every empty page.
        if (++emptyPages >= 3) {
          return count;
        }
      } else if (page.events().size() < FULL_PAGE_EVENTS && bytes < FULL_PAGE_BYTES) {
        return count;
      }
    }
  }

  private static boolean isEndOfLog(String message) {
    return message.contains(LogFields.EXIT_CODE)
        && LogEvent.parse(message).map(LogEvent::endOfLog).orElse(false);
  }
}
