package dev.runtask.runtime.dispatch;

import dev.runtask.contract.Secrets;
import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.index.ArgEntry;
import dev.runtask.runtime.index.CommandMember;
import dev.runtask.runtime.index.MixinEntry;
import dev.runtask.runtime.index.TaskEntry;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Build-time check that the command {@link TaskCommands} builds from the task index is the one
 * picocli builds from the task's annotations ({@code CommandSpec.forAnnotatedObjectLenient}, what
 * tasks.jar used before the index held options): the same model, the same help, and for a set of
 * argument lists ({@link SampleArguments}) the same bound field values, masked arguments and
 * usage-error lines. Not used at run time: tasks.jar only ever builds from the index.
 */
public final class ReflectiveAgreement {
  private ReflectiveAgreement() {}

  /** Where the two commands of {@code entry}'s task differ; empty when they agree. */
  public static List<String> differences(TaskEntry entry) {
    List<String> differences = new ArrayList<>();
    CommandLine reference = reflective(entry, instantiate(entry));
    CommandLine indexed = TaskCommands.commandLine(entry, instantiate(entry));
    List<String> expected = SpecDescription.of(reference);
    List<String> actual = SpecDescription.of(indexed);
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      String want = i < expected.size() ? expected.get(i) : "(nothing)";
      String got = i < actual.size() ? actual.get(i) : "(nothing)";
      if (!want.equals(got)) {
        differences.add("model: annotations give '" + want + "', the index '" + got + "'");
      }
    }
    for (List<String> args : SampleArguments.of(reference.getCommandSpec())) {
      String want = outcome(entry, args, true);
      String got = outcome(entry, args, false);
      if (!want.equals(got)) {
        differences.add(
            "arguments " + args + ": annotations give '" + want + "', the index '" + got + "'");
      }
    }
    return differences;
  }

  /** picocli's reading of the task's annotations, with everything else as tasks.jar has it. */
  static CommandLine reflective(TaskEntry entry, RunnableTask task) {
    // Lenient: a task without any option is still a valid command.
    return TaskCommands.asTask(
        entry, CommandSpec.forAnnotatedObjectLenient(task), CommandLine.defaultFactory());
  }

  private static String outcome(TaskEntry entry, List<String> args, boolean reflective) {
    RunnableTask task = instantiate(entry);
    CommandLine commandLine =
        reflective ? reflective(entry, task) : TaskCommands.commandLine(entry, task);
    try {
      ParseResult parsed = commandLine.parseArgs(args.toArray(String[]::new));
      if (commandLine.isUsageHelpRequested()) {
        return "help: " + commandLine.getUsageMessage(Help.Ansi.OFF);
      }
      return "fields "
          + fieldValues(entry.members(), task)
          + ", logged as "
          + Secrets.redact(args, TaskDispatcher.secretValues(parsed))
          + " and "
          + TaskDispatcher.summary(parsed);
    } catch (ParameterException e) {
      return "error: " + TaskDispatcher.describe(e, commandLine);
    }
  }

  /** Every option field's value, read with plain reflection (neither command's bindings). */
  private static List<String> fieldValues(List<? extends CommandMember> members, Object holder) {
    List<String> values = new ArrayList<>();
    for (CommandMember member : members) {
      if (member instanceof ArgEntry arg) {
        values.add(arg.field() + "=" + show(read(holder, arg.declaringClass(), arg.field())));
      } else {
        MixinEntry mixin = (MixinEntry) member;
        Object value = read(holder, mixin.declaringClass(), mixin.field());
        values.add(
            mixin.field() + "=" + (value == null ? "null" : fieldValues(mixin.arguments(), value)));
      }
    }
    return values;
  }

  private static Object read(Object holder, String declaringClass, String name) {
    try {
      Field field =
          Class.forName(declaringClass, false, holder.getClass().getClassLoader())
              .getDeclaredField(name);
      field.setAccessible(true);
      return field.get(holder);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + declaringClass + "." + name, e);
    }
  }

  private static String show(Object value) {
    return Arrays.deepToString(new Object[] {value});
  }

  private static RunnableTask instantiate(TaskEntry entry) {
    try {
      return TaskCommands.instantiate(entry);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create task " + entry.name() + ": " + e, e);
    }
  }
}
