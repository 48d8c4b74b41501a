package dev.runtask.runtime.dispatch;

import dev.runtask.contract.Secrets;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Argument lists that exercise every option and positional parameter of a command: nothing, help,
 * everything with a typical value (enum constants in lower case, secrets, flags and their
 * negations), each required option left out, each option without its value or with a bad one, each
 * option name mistyped, and an unexpected argument.
 */
final class SampleArguments {
  private static final Set<Class<?>> WHOLE_NUMBERS =
      Set.of(
          int.class,
          Integer.class,
          long.class,
          Long.class,
          short.class,
          Short.class,
          byte.class,
          Byte.class);

  private SampleArguments() {}

  static List<List<String>> of(CommandSpec spec) {
    List<OptionSpec> options =
        spec.options().stream().filter(o -> !o.usageHelp() && !o.versionHelp()).toList();
    List<List<String>> lists = new ArrayList<>();
    lists.add(List.of());
    lists.add(List.of("--help"));
    lists.add(List.of("-h"));
    lists.add(everything(options, spec.positionalParameters(), null));
    for (OptionSpec option : options) {
      if (option.required()) {
        lists.add(everything(options, spec.positionalParameters(), option));
      }
      String name = option.longestName();
      if (option.arity().max() > 0) {
        lists.add(List.of(name));
        lists.add(List.of(name, "x!"));
      }
      if (option.negatable()) {
        lists.add(List.of(name.replaceFirst("^--", "--no-")));
      }
      String typo = name.substring(0, name.length() - 1);
      lists.add(List.of(typo));
      lists.add(List.of(typo + "=1"));
    }
    lists.add(List.of("unexpected"));
    return lists;
  }

  private static List<String> everything(
      List<OptionSpec> options, List<PositionalParamSpec> positionals, OptionSpec leftOut) {
    List<String> args = new ArrayList<>();
    for (OptionSpec option : options) {
      if (option == leftOut) {
        continue;
      }
      String name = option.longestName();
      if (option.arity().max() == 0) {
        args.add(name);
        continue;
      }
      List<String> values =
          values(option, Arrays.stream(option.names()).anyMatch(Secrets::looksSecret));
      for (String value : values) {
        args.add(name);
        args.add(value);
      }
    }
    for (PositionalParamSpec positional : positionals) {
      args.addAll(values(positional, false));
    }
    return args;
  }

  /** Two values for a multi-value argument (joined when it splits on a comma), else one. */
  private static List<String> values(ArgSpec arg, boolean secret) {
    Class<?> type = arg.isMultiValue() ? arg.auxiliaryTypes()[0] : arg.type();
    String value = secret ? "s3cr3t-value" : value(type);
    if (!arg.isMultiValue()) {
      return List.of(value);
    }
    return arg.splitRegex().equals(",") ? List.of(value + "," + value) : List.of(value, value);
  }

  private static String value(Class<?> type) {
    if (WHOLE_NUMBERS.contains(type)) {
      return "7";
    }
    if (type == double.class
        || type == Double.class
        || type == float.class
        || type == Float.class) {
      return "1.5";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true";
    }
    if (type.isEnum()) {
      return ((Enum<?>) type.getEnumConstants()[0]).name().toLowerCase(Locale.ROOT);
    }
    if (type == LocalDate.class) {
      return "2026-01-02";
    }
    if (type == Path.class || type == File.class) {
      return "in/sales.csv";
    }
    return "abc";
  }
}
