package dev.runtask.runtime.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.index.ArgEntry;
import dev.runtask.runtime.index.CommandMember;
import dev.runtask.runtime.index.TaskEntry;
import dev.runtask.runtime.index.TaskIndex;
import dev.runtask.runtime.testtasks.EveryKindOfOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command tasks.jar builds from the index is the one picocli builds from the annotations, for
 * every test task (the tasks module checks its samples the same way, in its build and its tests).
 */
class ReflectiveAgreementTest {
  private static final TaskIndex INDEX =
      TaskIndex.load(ReflectiveAgreementTest.class.getClassLoader());

  static Stream<String> testTasks() {
    return INDEX.entries().stream().map(TaskEntry::name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("testTasks")
  void differences_everyTestTask_none(String task) {
    assertThat(ReflectiveAgreement.differences(INDEX.find(task).orElseThrow())).isEmpty();
  }

  @Test
  void differences_everyKindOfOption_comparedOnEveryArgument() {
    TaskEntry entry = INDEX.find("every-option").orElseThrow();

    List<List<String>> samples =
        SampleArguments.of(
            ReflectiveAgreement.reflective(entry, new EveryKindOfOption()).getCommandSpec());

    // 15 option fields (one inherited), the DryRun mixin and 2 positionals.
    assertThat(entry.members()).hasSize(18);
    assertThat(samples)
        .contains(List.of("--help"), List.of("--mod"), List.of("--no-colour"), List.of("--count"))
        .anySatisfy(
            args -> assertThat(args).contains("--mode", "fast", "--dry-run", "--secret-key"))
        .anySatisfy(args -> assertThat(args).doesNotContain("--count").contains("--mode"));
  }

  @Test
  void
      differences_indexSaysOptionalWhereTheAnnotationSaysRequired_reportedWithTheFailingArguments() {
    TaskEntry entry = INDEX.find("echo-options").orElseThrow();
    TaskEntry tampered =
        new TaskEntry(
            entry.name(),
            entry.className(),
            entry.singleInstance(),
            entry.description(),
            entry.members().stream().map(ReflectiveAgreementTest::notRequired).toList());

    List<String> differences = ReflectiveAgreement.differences(tampered);

    assertThat(differences)
        .contains(
            "model: annotations give 'option --count: required true', the index 'option --count:"
                + " required false'")
        .anySatisfy(
            d -> assertThat(d).startsWith("arguments []: annotations give 'error: Missing"));
  }

  private static CommandMember notRequired(CommandMember member) {
    if (!(member instanceof ArgEntry a) || !a.names().contains("--count")) {
      return member;
    }
    return new ArgEntry(
        a.kind(),
        a.holder(),
        a.declaringClass(),
        a.field(),
        a.type(),
        a.auxiliaryTypes(),
        a.arity(),
        false,
        a.defaultValue(),
        a.description(),
        a.descriptionKey(),
        a.paramLabel(),
        a.hideParamSyntax(),
        a.hidden(),
        a.split(),
        a.splitSynopsisLabel(),
        a.showDefaultValue(),
        a.mapFallbackValue(),
        a.names(),
        a.negatable(),
        a.fallbackValue(),
        a.order(),
        a.index());
  }
}
