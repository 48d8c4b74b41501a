package dev.runtask.runtime.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One task of the index: its name, its class, what {@code @Task} says about it, and its command's
 * members (option and positional fields, mixins), from which the runtime builds the picocli command
 * without reading any annotation.
 */
public record TaskEntry(
    String name,
    String className,
    boolean singleInstance,
    String description,
    List<CommandMember> members) {
  private static final int FIELDS = 4;

  public TaskEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(description, "description");
    members = List.copyOf(members);
  }

  /**
   * Parses lines written by {@link #toIndexLines()}: a task line (name, class, singleInstance,
   * description), then its members, each line beginning with a tab.
   */
  static List<TaskEntry> parse(List<String> lines) {
    Reader reader = new Reader();
    // A loop rather than a stream: a lambda here would be the main thread's first, whose
    // java.lang.invoke set-up the logging thread is doing meanwhile (LoggingStartup).
    for (String line : lines) {
      if (!line.isBlank()) {
        reader.accept(line);
      }
    }
    return reader.finish();
  }

  /** Groups the lines: arg lines of a mixin (holder = its name) follow their mixin line. */
  private static final class Reader {
    private final List<TaskEntry> entries = new ArrayList<>();
    private List<String> task;
    private List<CommandMember> members = new ArrayList<>();
    private MixinEntry mixin;
    private List<ArgEntry> mixinArguments = new ArrayList<>();

    void accept(String line) {
      if (!line.startsWith("\t")) {
        finishTask();
        task = IndexFields.split(line, FIELDS);
      } else if (task != null && MixinEntry.isMixinLine(line)) {
        finishMixin();
        mixin = MixinEntry.parse(line);
      } else if (task != null && ArgEntry.isArgLine(line)) {
        ArgEntry arg = ArgEntry.parse(line);
        if (arg.holder().isEmpty()) {
          finishMixin();
          members.add(arg);
        } else if (mixin != null && arg.holder().equals(mixin.name())) {
          mixinArguments.add(arg);
        } else {
          throw new IllegalStateException("Corrupt task index line (no such mixin above): " + line);
        }
      } else {
        throw new IllegalStateException("Corrupt task index line: " + line);
      }
    }

    private void finishMixin() {
      if (mixin != null) {
        members.add(mixin.withArguments(mixinArguments));
        mixin = null;
        mixinArguments = new ArrayList<>();
      }
    }

    private void finishTask() {
      finishMixin();
      if (task != null) {
        entries.add(
            new TaskEntry(
                task.get(0),
                task.get(1),
                Boolean.parseBoolean(task.get(2)),
                IndexFields.unescape(task.get(3)),
                members));
      }
      members = new ArrayList<>();
    }

    List<TaskEntry> finish() {
      finishTask();
      return entries;
    }
  }

  /** The task line (name, class, singleInstance, description), then one line per member. */
  List<String> toIndexLines() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.join(
            String.valueOf(IndexFields.SEPARATOR),
            name,
            className,
            Boolean.toString(singleInstance),
            IndexFields.escape(description)));
    for (CommandMember member : members) {
      if (member instanceof MixinEntry m) {
        lines.add(m.toIndexLine());
        m.arguments().forEach(a -> lines.add(a.toIndexLine()));
      } else {
        lines.add(((ArgEntry) member).toIndexLine());
      }
    }
    return lines;
  }
}
