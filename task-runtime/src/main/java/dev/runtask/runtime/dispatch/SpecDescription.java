package dev.runtask.runtime.dispatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command's model as lines of text, one per attribute of each option and positional parameter
 * (what parsing and help depend on), then its usage help: two commands with equal descriptions
 * parse and print alike.
 */
final class SpecDescription {
  private SpecDescription() {}

  static List<String> of(CommandLine commandLine) {
    CommandSpec spec = commandLine.getCommandSpec();
    List<String> lines = new ArrayList<>();
    lines.add("name " + spec.name());
    lines.add("mixins " + spec.mixins().keySet());
    for (OptionSpec option : spec.options()) {
      String label = "option " + String.join("|", option.names()) + ": ";
      describe(option, label, lines);
      lines.add(label + "negatable " + option.negatable());
      lines.add(label + "fallbackValue " + option.fallbackValue());
      lines.add(label + "order " + option.order());
      lines.add(label + "usageHelp " + option.usageHelp());
    }
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      String label = "positional " + positional.paramLabel() + ": ";
      describe(positional, label, lines);
      lines.add(label + "index " + positional.index());
    }
    lines.add("usage\n" + commandLine.getUsageMessage(Help.Ansi.OFF));
    return lines;
  }

  private static void describe(ArgSpec arg, String label, List<String> lines) {
    lines.add(label + "type " + arg.type().getName());
    lines.add(label + "auxiliaryTypes " + names(arg.auxiliaryTypes()));
    lines.add(
        label + "arity " + arg.arity() + (arg.arity().isUnspecified() ? " (unspecified)" : ""));
    lines.add(label + "required " + arg.required());
    lines.add(label + "defaultValue " + arg.defaultValue());
    lines.add(label + "initialValue " + arg.initialValue());
    lines.add(label + "description " + Arrays.toString(arg.description()));
    lines.add(label + "descriptionKey " + arg.descriptionKey());
    lines.add(label + "paramLabel " + arg.paramLabel());
    lines.add(label + "hideParamSyntax " + arg.hideParamSyntax());
    lines.add(label + "hidden " + arg.hidden());
    lines.add(label + "splitRegex " + arg.splitRegex());
    lines.add(label + "splitRegexSynopsisLabel " + arg.splitRegexSynopsisLabel());
    lines.add(label + "showDefaultValue " + arg.showDefaultValue());
    lines.add(label + "mapFallbackValue " + arg.mapFallbackValue());
    lines.add(label + "converters " + arg.converters().length);
    lines.add(label + "interactive " + arg.interactive());
    lines.add(label + "toString " + arg);
  }

  private static List<String> names(Class<?>[] types) {
    return Arrays.stream(types).map(Class::getName).toList();
  }
}
