package dev.runtask.runtime.dispatch;

import dev.runtask.runtime.index.ArgEntry;
import dev.runtask.runtime.index.CommandMember;
import dev.runtask.runtime.index.MixinEntry;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;

/**
 * Adds a task's options and positional parameters to its command from the task index, applying
 * picocli's defaults where the annotation left an attribute unspecified exactly as picocli's
 * annotation reading does (arity, paramLabel, required, index). Fields are found by name; no
 * annotation is read, so the JVM makes no annotation proxies at start-up.
 */
final class IndexedArguments {
  /** picocli's marker for "null" in annotation attributes. */
  private static final String NULL_VALUE = "_NULL_";

  private static final Map<String, Class<?>> PRIMITIVES =
      Map.of(
          "boolean", boolean.class,
          "byte", byte.class,
          "char", char.class,
          "short", short.class,
          "int", int.class,
          "long", long.class,
          "float", float.class,
          "double", double.class);

  private final ClassLoader loader;
  private final CommandLine.IFactory factory;

  IndexedArguments(ClassLoader loader, CommandLine.IFactory factory) {
    this.loader = loader;
    this.factory = factory;
  }

  /** Adds {@code members} to {@code spec}; their fields are {@code task}'s and its mixins'. */
  void addTo(CommandSpec spec, Object task, List<CommandMember> members) {
    for (CommandMember member : members) {
      if (member instanceof ArgEntry arg) {
        spec.add(build(arg, task));
      } else {
        MixinEntry mixinEntry = (MixinEntry) member;
        Object mixin = mixin(mixinEntry, task);
        CommandSpec mixinSpec = CommandSpec.wrapWithoutInspection(mixin, factory);
        for (ArgEntry arg : mixinEntry.arguments()) {
          mixinSpec.add(build(arg, mixin));
        }
        spec.addMixin(mixinEntry.name(), mixinSpec);
      }
    }
  }

  /** The mixin object in the task's field; created and assigned when the field is null. */
  private Object mixin(MixinEntry entry, Object task) {
    FieldValue value =
        new FieldValue(FieldValue.field(type(entry.declaringClass()), entry.field()), task);
    Object mixin = value.get();
    if (mixin == null) {
      try {
        var constructor = type(entry.type()).getDeclaredConstructor();
        constructor.setAccessible(true);
        mixin = constructor.newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot create mixin " + entry.type() + ": " + e, e);
      }
      value.set(mixin);
    }
    return mixin;
  }

  private ArgSpec build(ArgEntry arg, Object holder) {
    Field field = FieldValue.field(type(arg.declaringClass()), arg.field());
    Bound bound = new Bound(arg, field, new FieldValue(field, holder));
    if (arg.kind() == ArgEntry.Kind.OPTION) {
      OptionSpec.Builder option = OptionSpec.builder(arg.names().toArray(String[]::new));
      option.mapFallbackValue(nullable(arg.mapFallbackValue()));
      return option
          .negatable(arg.negatable())
          .fallbackValue(nullable(arg.fallbackValue()))
          .order(arg.order())
          .required(arg.required())
          .type(bound.type)
          .auxiliaryTypes(bound.auxiliaryTypes)
          .arity(bound.arity)
          .paramLabel(bound.paramLabel())
          .hideParamSyntax(arg.hideParamSyntax())
          .description(arg.description().toArray(String[]::new))
          .descriptionKey(arg.descriptionKey())
          .splitRegex(arg.split())
          .splitRegexSynopsisLabel(arg.splitSynopsisLabel())
          .hidden(arg.hidden())
          .defaultValue(arg.defaultValue())
          .showDefaultValue(Help.Visibility.valueOf(arg.showDefaultValue()))
          .initialValue(bound.value.get())
          .getter(bound.value)
          .setter(bound.value)
          .userObject(field)
          .withToString(bound.toString())
          .build();
    }
    // The same attributes as above: picocli's common builder type is not public.
    PositionalParamSpec.Builder positional = PositionalParamSpec.builder();
    positional.mapFallbackValue(nullable(arg.mapFallbackValue()));
    if (!arg.index().isEmpty()) {
      positional.index(arg.index());
    }
    return positional
        .required(bound.arity.min() > 0)
        .type(bound.type)
        .auxiliaryTypes(bound.auxiliaryTypes)
        .arity(bound.arity)
        .paramLabel(bound.paramLabel())
        .hideParamSyntax(arg.hideParamSyntax())
        .description(arg.description().toArray(String[]::new))
        .descriptionKey(arg.descriptionKey())
        .splitRegex(arg.split())
        .splitRegexSynopsisLabel(arg.splitSynopsisLabel())
        .hidden(arg.hidden())
        .defaultValue(arg.defaultValue())
        .showDefaultValue(Help.Visibility.valueOf(arg.showDefaultValue()))
        .initialValue(bound.value.get())
        .getter(bound.value)
        .setter(bound.value)
        .userObject(field)
        .withToString(bound.toString())
        .build();
  }

  /** What picocli derives from the field where the annotation left an attribute out. */
  private final class Bound {
    final ArgEntry arg;
    final Field field;
    final FieldValue value;
    final Class<?> type;
    final Class<?>[] auxiliaryTypes;
    final Range arity;

    Bound(ArgEntry arg, Field field, FieldValue value) {
      this.arg = arg;
      this.field = field;
      this.value = value;
      this.type = type(arg.type());
      this.auxiliaryTypes =
          arg.auxiliaryTypes().stream().map(IndexedArguments.this::type).toArray(Class<?>[]::new);
      this.arity =
          arg.arity().isEmpty()
              ? defaultArity(arg.kind(), type, auxiliaryTypes)
              : Range.valueOf(arg.arity());
    }

    /**
     * picocli's inferLabel: the attribute trimmed, else {@code <field>} ({@code <K=V>} for maps).
     */
    String paramLabel() {
      if (!arg.paramLabel().trim().isEmpty()) {
        return arg.paramLabel().trim();
      }
      String name = arg.field();
      if (Map.class.isAssignableFrom(type)) {
        name =
            auxiliaryTypes.length < 2
                ? "String=String"
                : auxiliaryTypes[0].getSimpleName() + "=" + auxiliaryTypes[1].getSimpleName();
      }
      return "<" + name + ">";
    }

    /** How picocli names a field in its messages. */
    @Override
    public String toString() {
      return "field "
          + field
              .toGenericString()
              .replace("private ", "")
              .replace("protected ", "")
              .replace("public ", "")
              .replace("java.lang.", "");
    }
  }

  /** picocli's Range.defaultArity for an annotated field. */
  private static Range defaultArity(ArgEntry.Kind kind, Class<?> type, Class<?>[] auxiliaryTypes) {
    if (kind == ArgEntry.Kind.OPTION) {
      boolean flag = auxiliaryTypes[0] == boolean.class || auxiliaryTypes[0] == Boolean.class;
      return Range.valueOf(flag ? "0" : "1").unspecified(true);
    }
    return Range.valueOf(isMultiValue(type) ? "0..1" : "1").unspecified(true);
  }

  private static boolean isMultiValue(Class<?> type) {
    return (type.isArray() && type != char[].class)
        || Collection.class.isAssignableFrom(type)
        || Map.class.isAssignableFrom(type);
  }

  private static String nullable(String attribute) {
    return NULL_VALUE.equals(attribute) ? null : attribute;
  }

  private Class<?> type(String name) {
    Class<?> primitive = PRIMITIVES.get(name);
    if (primitive != null) {
      return primitive;
    }
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "The task index names class " + name + ", which is not on the class path", e);
    }
  }
}
