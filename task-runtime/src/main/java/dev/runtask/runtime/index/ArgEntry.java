package dev.runtask.runtime.index;

import java.util.List;
import java.util.Objects;

/**
 * One {@code @Option} or {@code @Parameters} field of a task (or of one of its mixins), as the
 * annotation says it: attribute values are the annotation's own, with picocli's sentinels ({@code
 * "__no_default_value__"}, {@code "_NULL_"}) and empty strings for "unspecified", so the runtime
 * applies picocli's defaults exactly where picocli would.
 *
 * @param holder the mixin name when the field is a mixin's, {@code ""} when it is the task's own
 * @param declaringClass binary name of the class declaring the field
 * @param type the field's raw type as {@link Class#getName()} spells it ({@code int}, {@code [I})
 * @param auxiliaryTypes picocli's auxiliary types: the {@code type} attribute, else the type
 *     arguments of a collection, map or {@code Optional}, else the raw type
 * @param arity the {@code arity} attribute, {@code ""} when not given
 * @param required {@code @Option(required)}; always false for positionals (picocli derives it)
 * @param names option names; empty for a positional
 * @param index {@code @Parameters(index)}, {@code ""} when not given or for an option
 */
public record ArgEntry(
    Kind kind,
    String holder,
    String declaringClass,
    String field,
    String type,
    List<String> auxiliaryTypes,
    String arity,
    boolean required,
    String defaultValue,
    List<String> description,
    String descriptionKey,
    String paramLabel,
    boolean hideParamSyntax,
    boolean hidden,
    String split,
    String splitSynopsisLabel,
    String showDefaultValue,
    String mapFallbackValue,
    List<String> names,
    boolean negatable,
    String fallbackValue,
    int order,
    String index)
    implements CommandMember {
  private static final int FIELDS = 25;

  /** Option or positional parameter. */
  public enum Kind {
    OPTION,
    POSITIONAL
  }

  public ArgEntry {
    Objects.requireNonNull(kind, "kind");
    auxiliaryTypes = List.copyOf(auxiliaryTypes);
    description = List.copyOf(description);
    names = List.copyOf(names);
  }

  static boolean isArgLine(String line) {
    return line.startsWith("\targ\t");
  }

  /** Parses a line written by {@link #toIndexLine()}. */
  static ArgEntry parse(String line) {
    List<String> f = IndexFields.split(line, FIELDS);
    return new ArgEntry(
        Kind.valueOf(IndexFields.unescape(f.get(2))),
        IndexFields.unescape(f.get(3)),
        IndexFields.unescape(f.get(4)),
        IndexFields.unescape(f.get(5)),
        IndexFields.unescape(f.get(6)),
        IndexFields.unlist(f.get(7)),
        IndexFields.unescape(f.get(8)),
        Boolean.parseBoolean(f.get(9)),
        IndexFields.unescape(f.get(10)),
        IndexFields.unlist(f.get(11)),
        IndexFields.unescape(f.get(12)),
        IndexFields.unescape(f.get(13)),
        Boolean.parseBoolean(f.get(14)),
        Boolean.parseBoolean(f.get(15)),
        IndexFields.unescape(f.get(16)),
        IndexFields.unescape(f.get(17)),
        IndexFields.unescape(f.get(18)),
        IndexFields.unescape(f.get(19)),
        IndexFields.unlist(f.get(20)),
        Boolean.parseBoolean(f.get(21)),
        IndexFields.unescape(f.get(22)),
        Integer.parseInt(f.get(23)),
        IndexFields.unescape(f.get(24)));
  }

  /**
   * The index line: a tab (it belongs to the task line above), {@code arg}, then the components in
   * declaration order.
   */
  String toIndexLine() {
    return String.join(
        String.valueOf(IndexFields.SEPARATOR),
        "",
        "arg",
        kind.name(),
        IndexFields.escape(holder),
        IndexFields.escape(declaringClass),
        IndexFields.escape(field),
        IndexFields.escape(type),
        IndexFields.list(auxiliaryTypes),
        IndexFields.escape(arity),
        Boolean.toString(required),
        IndexFields.escape(defaultValue),
        IndexFields.list(description),
        IndexFields.escape(descriptionKey),
        IndexFields.escape(paramLabel),
        Boolean.toString(hideParamSyntax),
        Boolean.toString(hidden),
        IndexFields.escape(split),
        IndexFields.escape(splitSynopsisLabel),
        IndexFields.escape(showDefaultValue),
        IndexFields.escape(mapFallbackValue),
        IndexFields.list(names),
        Boolean.toString(negatable),
        IndexFields.escape(fallbackValue),
        Integer.toString(order),
        IndexFields.escape(index));
  }
}
