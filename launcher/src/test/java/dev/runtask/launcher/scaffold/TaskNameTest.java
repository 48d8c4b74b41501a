package dev.runtask.launcher.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtask.launcher.exit.LauncherException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskNameTest {

  @ParameterizedTest(name = "{0} -> {1}.{2}")
  @CsvSource({
    "backfill-orders,        dev.runtask.tasks.backfillorders,   BackfillOrdersTask,  BackfillOrders,  BackfillOrdersRepository,  BackfillOrdersTaskTest",
    "report,                 dev.runtask.tasks.report,           ReportTask,          Report,          ReportRepository,          ReportTaskTest",
    "export-2026-q4,         dev.runtask.tasks.export2026q4,     Export2026Q4Task,    Export2026Q4,    Export2026Q4Repository,    Export2026Q4TaskTest",
    "cleanup-task,           dev.runtask.tasks.cleanuptask,      CleanupTask,         Cleanup,         CleanupRepository,         CleanupTaskTest",
    "string,                 dev.runtask.tasks.string,           StringTask,          String,          StringRepository,          StringTaskTest",
    "record,                 dev.runtask.tasks.record,           RecordTask,          Record,          RecordRepository,          RecordTaskTest",
  })
  void parse_validName_derivesPackageAndClasses(
      String name, String pkg, String task, String usecase, String repository, String test) {
    TaskName parsed = TaskName.parse(name);

    assertThat(parsed.packageName()).isEqualTo(pkg);
    assertThat(parsed.taskClass()).isEqualTo(task);
    assertThat(parsed.usecaseClass()).isEqualTo(usecase);
    assertThat(parsed.repositoryClass()).isEqualTo(repository);
    assertThat(parsed.testClass()).isEqualTo(test);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "BackfillOrders         | use kebab-case",
        "backfill_orders        | use kebab-case",
        "backfill--orders       | use kebab-case",
        "-backfill              | use kebab-case",
        "backfill-              | use kebab-case",
        "2-backfill             | use kebab-case",
        "backfill orders        | use kebab-case",
        "backfill.orders        | use kebab-case",
        "''                     | use kebab-case",
        "new                    | would be the Java keyword \"new\"",
        "class                  | would be the Java keyword \"class\"",
        "for                    | would be the Java keyword \"for\"",
        "do-uble                | would be the Java keyword \"double\"",
        "null                   | would be the Java keyword \"null\"",
        "task                   | say what the task does",
        "a-very-long-name-that-goes-on-and-on-for-more-than-sixty-chars | at most 60 allowed",
      })
  void parse_invalidName_badInputNamingTheRule(String name, String expected) {
    assertThatThrownBy(() -> TaskName.parse(name))
        .isInstanceOfSatisfying(LauncherException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessageContaining("invalid task name \"" + name + "\"")
        .hasMessageContaining(expected)
        .hasMessageNotContaining("\n");
  }

  @ParameterizedTest
  @CsvSource({"string, String", "record, Record", "override, Override", "thread, Thread"})
  void requireUsecaseNameFree_javaLangName_badInputForDatabaseTasks(String name, String type) {
    assertThatThrownBy(() -> TaskName.parse(name).requireUsecaseNameFree())
        .isInstanceOf(LauncherException.class)
        .hasMessage(
            "invalid task name \""
                + name
                + "\" for --db: its usecase class "
                + type
                + " would hide java.lang."
                + type
                + "; choose another name");
  }

  @ParameterizedTest
  @CsvSource({"backfill-orders", "transactions", "database", "test", "logger"})
  void requireUsecaseNameFree_otherName_accepted(String name) {
    assertThat(TaskName.parse(name).requireUsecaseNameFree().usecaseClass()).isNotBlank();
  }

  @ParameterizedTest
  @CsvSource({
    "backfill-orders, Backfill orders",
    "report, Report",
    "export-2026-q4, Export 2026 q4"
  })
  void humanized_name_isTheDefaultDescription(String name, String expected) {
    assertThat(TaskName.parse(name).humanized()).isEqualTo(expected);
  }
}
