package dev.runtask.tasks.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.runtime.dispatch.ReflectiveAgreement;
import dev.runtask.runtime.index.TaskEntry;
import dev.runtask.runtime.index.TaskIndex;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tasks.jar builds each task's command from the compile-time index; for every task of this module
 * that command models, prints and parses as picocli's reading of the task's annotations does.
 */
class IndexedCommandsTest {
  private static final TaskIndex INDEX = TaskIndex.load(IndexedCommandsTest.class.getClassLoader());

  static Stream<String> tasks() {
    return INDEX.entries().stream().map(TaskEntry::name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasks")
  void differences_everyTask_none(String task) {
    TaskEntry entry = INDEX.find(task).orElseThrow();
    assertThat(entry.className()).startsWith("dev.runtask.tasks.");
    assertThat(ReflectiveAgreement.differences(entry)).isEmpty();
  }
}
