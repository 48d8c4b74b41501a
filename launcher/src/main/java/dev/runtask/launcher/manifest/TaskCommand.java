package dev.runtask.launcher.manifest;

import dev.runtask.contract.ParserRules;
import dev.runtask.contract.TaskManifest.OptionSpec;
import dev.runtask.contract.TaskManifest.PositionalSpec;
import dev.runtask.contract.TaskManifest.TaskSpec;
import dev.runtask.contract.TaskManifest.ValueSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;
import picocli.CommandLine.TypeConversionException;

/**
 * A task's picocli command rebuilt from its manifest entry: the same options, arities and JDK value
 * types the runtime's command has, so picocli itself decides what the runtime will accept. The
 * launcher does not have the tasks' own classes: an enum is checked against its constants from the
 * manifest, and a value the task converts itself is left for the runtime to check.
 */
final class TaskCommand {
  private static final Map<String, Class<?>> PRIMITIVES =
      Map.of(
          "int", int.class,
          "long", long.class,
          "double", double.class,
          "float", float.class,
          "boolean", boolean.class,
          "short", short.class,
          "byte", byte.class,
          "char", char.class);

  private TaskCommand() {}

  static CommandLine of(TaskSpec task) {
    CommandSpec spec = CommandSpec.create().name(task.name());
    // picocli formats usage text with String.format: a literal % must stay one.
    spec.usageMessage().description(escape(task.description()));
    for (OptionSpec option : task.options()) {
      ValueSpec v = option.value();
      Typing t = Typing.of(v);
      CommandLine.Model.OptionSpec.Builder b =
          CommandLine.Model.OptionSpec.builder(option.names().toArray(String[]::new))
              .negatable(option.negatable())
              .arity(arity(v))
              .required(v.required())
              .paramLabel(v.paramLabel())
              .description(escape(v.description()))
              .defaultValue(v.defaultValue())
              .splitRegex(v.split() == null ? "" : v.split())
              .type(t.type())
              .auxiliaryTypes(t.auxiliaryTypes());
      spec.addOption((t.converter() == null ? b : b.converters(t.converter())).build());
    }
    spec.addOption(
        CommandLine.Model.OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help and exit.")
            .build());
    for (PositionalSpec positional : task.positionals()) {
      ValueSpec v = positional.value();
      Typing t = Typing.of(v);
      PositionalParamSpec.Builder b =
          PositionalParamSpec.builder()
              .index(positional.index())
              .arity(arity(v))
              .required(v.required())
              .paramLabel(v.paramLabel())
              .description(escape(v.description()))
              .defaultValue(v.defaultValue())
              .splitRegex(v.split() == null ? "" : v.split())
              .type(t.type())
              .auxiliaryTypes(t.auxiliaryTypes());
      spec.addPositional((t.converter() == null ? b : b.converters(t.converter())).build());
    }
    CommandLine commandLine = new CommandLine(spec);
    commandLine.setCaseInsensitiveEnumValuesAllowed(ParserRules.CASE_INSENSITIVE_ENUM_VALUES);
    commandLine.setExpandAtFiles(ParserRules.EXPAND_AT_FILES);
    return commandLine;
  }

  /** The value types to declare: the manifest's when they are JDK types, else strings. */
  private record Typing(Class<?> type, Class<?>[] auxiliaryTypes, ITypeConverter<?> converter) {
    static Typing of(ValueSpec v) {
      boolean checked = !v.customConverter();
      ITypeConverter<?> oneOf = checked && !v.values().isEmpty() ? new OneOf(v.values()) : null;
      if (!v.auxiliaryTypes().isEmpty()) {
        Class<?> container = jdkClass(v.type());
        return new Typing(
            container != null ? container : List.class,
            v.auxiliaryTypes().stream()
                .map(a -> checked && jdkClass(a) != null ? jdkClass(a) : String.class)
                .toArray(Class<?>[]::new),
            oneOf);
      }
      Class<?> type = checked ? jdkClass(v.type()) : null;
      if (type == null) {
        type = v.type().startsWith("[") ? String[].class : String.class;
      }
      Class<?> element = type.isArray() ? type.getComponentType() : type;
      return new Typing(type, new Class<?>[] {element}, oneOf);
    }
  }

  /** A JDK type picocli converts the same way in the runtime, or null for the tasks' own types. */
  private static Class<?> jdkClass(String name) {
    if (PRIMITIVES.containsKey(name)) {
      return PRIMITIVES.get(name);
    }
    if (!name.startsWith("java.") && !name.matches("\\[+([IJDFZSBC]|Ljava\\..*;)")) {
      return null;
    }
    try {
      return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  /**
   * The arity, marked unspecified when picocli derived it from the type: picocli then reads the
   * option as the runtime's (a derived boolean arity 0 also takes {@code --flag=true}).
   */
  private static Range arity(ValueSpec v) {
    Range arity = Range.valueOf(v.arity());
    return v.arityInferred() ? arity.unspecified(true) : arity;
  }

  private static String escape(String text) {
    return text.replace("%", "%%");
  }

  /** A task's own enum, known by its constants: accepts them whatever the case, as picocli does. */
  private record OneOf(List<String> values) implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      for (String v : values) {
        if (v.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
          return v;
        }
      }
      throw new TypeConversionException(
          "expected one of " + values + " (case-insensitive) but was '" + value + "'");
    }
  }
}
