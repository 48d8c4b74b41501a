package dev.runtask.launcher.fanout;

import dev.runtask.launcher.aws.LogStream;
import dev.runtask.launcher.io.TaskOutput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * The log lines of many shards through FilterLogEvents with up to 100 {@code logStreamNames} per
 * call, so the log API rate stays about one call per poll whatever N is (GetLogEvents would be one
 * call per shard). Each line is printed once, behind its shard's label: events are deduplicated by
 * id, and each stream's cursor trails its newest event by a look-back window, so events CloudWatch
 * ingests late with an earlier timestamp are still picked up.
 */
final class FanOutLogs {
  static final int STREAMS_PER_CALL = 100;
  static final long LOOK_BACK_MILLIS = 30_000;

  /** Pages one batch may read per poll (10,000 events each at most); the rest comes next poll. */
  static final int MAX_PAGES = 20;

  private final CloudWatchLogsClient logs;
  private final TaskOutput output;
  private final Map<String, Followed> byStream = new HashMap<>();
  private int calls;

  private static final class Followed {
    final String label;
    final LogStream stream;
    long cursor;
    final Map<String, Long> seenAt = new HashMap<>();

    Followed(String label, LogStream stream) {
      this.label = label;
      this.stream = stream;
    }
  }

  FanOutLogs(CloudWatchLogsClient logs, TaskOutput output) {
    this.logs = logs;
    this.output = output;
  }

  /** Starts following a shard's stream (from its beginning); following twice changes nothing. */
  void follow(String label, LogStream stream) {
    byStream.putIfAbsent(stream.stream(), new Followed(label, stream));
  }

  /** Stops following the streams of shards whose lines are all printed. */
  void forget(LogStream stream) {
    byStream.remove(stream.stream());
  }

  boolean following() {
    return !byStream.isEmpty();
  }

  int calls() {
    return calls;
  }

  /** One poll over every followed stream; returns how many new lines were printed. */
  int poll() {
    Map<String, List<Followed>> byGroup = new HashMap<>();
    byStream
        .values()
        .forEach(f -> byGroup.computeIfAbsent(f.stream.group(), g -> new ArrayList<>()).add(f));
    int printed = 0;
    for (Map.Entry<String, List<Followed>> group : byGroup.entrySet()) {
      List<Followed> streams = group.getValue();
      for (int from = 0; from < streams.size(); from += STREAMS_PER_CALL) {
        printed +=
            pollBatch(
                group.getKey(),
                streams.subList(from, Math.min(streams.size(), from + STREAMS_PER_CALL)));
      }
    }
    return printed;
  }

  private int pollBatch(String group, List<Followed> batch) {
    long start = batch.stream().mapToLong(f -> f.cursor).min().orElse(0);
    Map<String, Followed> byName = new HashMap<>();
    batch.forEach(f -> byName.put(f.stream.stream(), f));
    List<FilteredLogEvent> events = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      FilterLogEventsRequest.Builder request =
          FilterLogEventsRequest.builder()
              .logGroupName(group)
              .logStreamNames(byName.keySet())
              .startTime(start);
      if (token != null) {
        request.nextToken(token);
      }
      FilterLogEventsResponse response;
      try {
        calls++;
        response = logs.filterLogEvents(request.build());
      } catch (ResourceNotFoundException streamsNotYetCreated) {
        return 0;
      }
      events.addAll(response.events());
      String next = response.nextToken();
      // An empty page can still carry a token (the search goes on server-side); the next poll
      // resumes from the cursors, so a poll never pages on and on through nothing.
      token =
          next == null || next.equals(token) || response.events().isEmpty() || ++pages >= MAX_PAGES
              ? null
              : next;
    } while (token != null);
    events.sort(
        Comparator.comparingLong(FilteredLogEvent::timestamp)
            .thenComparing(e -> e.eventId() == null ? "" : e.eventId()));
    int printed = 0;
    for (FilteredLogEvent e : events) {
      Followed f = byName.get(e.logStreamName());
      if (f == null || e.timestamp() < f.cursor) {
        continue;
      }
      String id = e.eventId() != null ? e.eventId() : e.timestamp() + ":" + e.message();
      if (f.seenAt.putIfAbsent(id, e.timestamp()) != null) {
        continue;
      }
      output.shardLine(f.label, e.message(), false);
      printed++;
    }
    for (Followed f : batch) {
      long newest = f.seenAt.values().stream().mapToLong(Long::longValue).max().orElse(0);
      f.cursor = Math.max(f.cursor, newest - LOOK_BACK_MILLIS);
      f.seenAt.values().removeIf(ts -> ts < f.cursor);
    }
    return printed;
  }
}
