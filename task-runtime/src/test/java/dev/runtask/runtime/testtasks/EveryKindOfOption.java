package dev.runtask.runtime.testtasks;

import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.api.Task;
import dev.runtask.runtime.api.TaskContext;
import dev.runtask.runtime.db.DryRun;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Test task with an option for every attribute the task index records, so the index-built command
 * is compared with picocli's reading of the annotations on each (ReflectiveAgreement).
 */
@Task(name = "every-option", description = "Test task taking every kind of option, 100% checked")
public final class EveryKindOfOption extends CommonOptions implements RunnableTask {
  /** A task's own enum, given in any case. */
  public enum Mode {
    FAST,
    SAFE
  }

  @Option(
      names = {"-m", "--mode"},
      defaultValue = "SAFE",
      showDefaultValue = Visibility.ALWAYS,
      description = {"How to go: ${COMPLETION-CANDIDATES}", "A second line, 100%% sure"})
  Mode mode;

  @Option(
      names = {"-n", "--count"},
      required = true)
  int count;

  @Option(names = "--tag", paramLabel = "  <t>  ", description = "Repeatable")
  List<String> tags;

  @Option(names = "--ids", split = ",", splitSynopsisLabel = ",")
  Set<Integer> ids;

  @Option(names = "--prop", mapFallbackValue = "on")
  Map<String, String> properties;

  @Option(names = "--maybe")
  Optional<String> maybe;

  @Option(
      names = "--limit",
      description = "Starts at the field's value (default: ${DEFAULT-VALUE})")
  int limit = 5;

  @Option(names = "--colour", negatable = true, defaultValue = "true", fallbackValue = "true")
  boolean colour;

  @Option(names = "--level", arity = "0..1", fallbackValue = "3")
  Integer level;

  @Option(names = "--secret-key", hidden = true)
  String secretKey;

  @Option(names = "--since", order = 1, hideParamSyntax = true, descriptionKey = "since")
  LocalDate since;

  @Option(names = "--weights", type = Double.class)
  List<Number> weights;

  @Option(names = "--separator", defaultValue = "a\tb\nc|d\\e", required = true)
  String separator;

  @Option(names = "--numbers", arity = "1..3")
  int[] numbers;

  @Mixin DryRun dryRun;

  @Parameters(index = "0", paramLabel = "<source>", description = "Where from")
  Path source;

  @Parameters(index = "1..*")
  List<String> rest;

  @Override
  public int run(TaskContext context) {
    return 0;
  }
}
