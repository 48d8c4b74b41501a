package dev.runtask.runtime.index;

import java.util.List;

/**
 * A {@code @Mixin} field of a task: the runtime creates the mixin (when the field is still null),
 * assigns it to the field, and adds {@code arguments} (the mixin's own option fields) to the task's
 * command under {@code name}.
 *
 * @param name the {@code @Mixin(name)} attribute, else the field name (as picocli names it)
 * @param type binary name of the field's type, the class instantiated
 */
public record MixinEntry(
    String name, String declaringClass, String field, String type, List<ArgEntry> arguments)
    implements CommandMember {
  private static final int FIELDS = 6;

  public MixinEntry {
    arguments = List.copyOf(arguments);
  }

  static boolean isMixinLine(String line) {
    return line.startsWith("\tmixin\t");
  }

  /** Parses a line written by {@link #toIndexLine()}; its arguments are the arg lines after it. */
  static MixinEntry parse(String line) {
    List<String> f = IndexFields.split(line, FIELDS);
    return new MixinEntry(
        IndexFields.unescape(f.get(2)),
        IndexFields.unescape(f.get(3)),
        IndexFields.unescape(f.get(4)),
        IndexFields.unescape(f.get(5)),
        List.of());
  }

  MixinEntry withArguments(List<ArgEntry> mixinArguments) {
    return new MixinEntry(name, declaringClass, field, type, mixinArguments);
  }

  /** The mixin line; the mixin's arguments follow as arg lines whose holder is {@code name}. */
  String toIndexLine() {
    return String.join(
        String.valueOf(IndexFields.SEPARATOR),
        "",
        "mixin",
        IndexFields.escape(name),
        IndexFields.escape(declaringClass),
        IndexFields.escape(field),
        IndexFields.escape(type));
  }
}
