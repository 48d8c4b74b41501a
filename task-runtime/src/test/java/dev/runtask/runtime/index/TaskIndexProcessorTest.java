package dev.runtask.runtime.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles small task classes with the real compiler and the processor, as the tasks module does.
 */
class TaskIndexProcessorTest {
  @TempDir Path dir;

  @Test
  void compile_validTasks_writesOneIndexLinePerTaskSortedByName() throws IOException {
    Result result =
        compile(
            Map.of(
                "a/Zeta.java", task("a", "Zeta", "zeta-task", "Does zeta"),
                "a/Alpha.java", task("a", "Alpha", "alpha", "Does alpha")));

    assertThat(result.errors()).isEmpty();
    assertThat(Files.readAllLines(dir.resolve("out").resolve(TaskIndex.RESOURCE)))
        .containsExactly(
            "alpha\ta.Alpha\tfalse\tDoes alpha", "zeta-task\ta.Zeta\tfalse\tDoes zeta");
  }

  @Test
  void compile_duplicateTaskNames_failsTheBuildNamingTheOtherClass() throws IOException {
    Result result =
        compile(
            Map.of(
                "a/First.java", task("a", "First", "backfill", "One"),
                "a/Second.java", task("a", "Second", "backfill", "Two")));

    assertThat(result.errors())
        .anySatisfy(
            e ->
                assertThat(e)
                    .matches("Task name 'backfill' is already used by a\\.(First|Second)"));
  }

  @Test
  void compile_nameNotKebabCase_failsTheBuild() throws IOException {
    Result result = compile(Map.of("a/Bad.java", task("a", "Bad", "BackfillOrders", "Bad name")));

    assertThat(result.errors())
        .containsExactly("Task name 'BackfillOrders' must be kebab-case, e.g. backfill-orders");
  }

  @Test
  void compile_classNotARunnableTask_failsTheBuild() throws IOException {
    Result result =
        compile(
            Map.of(
                "a/NotATask.java",
                """
        package a;
        @dev.runtask.runtime.api.Task(name = "not-a-task", description = "Missing the interface")
        public class NotATask {}
        """));

    assertThat(result.errors())
        .containsExactly("@Task a.NotATask must implement dev.runtask.runtime.api.RunnableTask");
  }

  @Test
  void compile_noPublicNoArgConstructor_failsTheBuild() throws IOException {
    Result result =
        compile(
            Map.of(
                "a/NeedsArg.java",
                """
        package a;
        @dev.runtask.runtime.api.Task(name = "needs-arg", description = "Cannot be instantiated")
        public class NeedsArg implements dev.runtask.runtime.api.RunnableTask {
          public NeedsArg(String x) {}
          public int run(dev.runtask.runtime.api.TaskContext c) { return 0; }
        }
        """));

    assertThat(result.errors())
        .containsExactly("@Task a.NeedsArg needs a public no-argument constructor");
  }

  private static String task(String pkg, String className, String name, String description) {
    return """
        package %s;
        @dev.runtask.runtime.api.Task(name = "%s", description = "%s")
        public final class %s implements dev.runtask.runtime.api.RunnableTask {
          public int run(dev.runtask.runtime.api.TaskContext context) { return 0; }
        }
        """
        .formatted(pkg, name, description, className);
  }

  private record Result(List<String> errors) {}

  private Result compile(Map<String, String> sources) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = dir.resolve("src").resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file);
    }
    Path out = Files.createDirectories(dir.resolve("out"));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager =
        compiler.getStandardFileManager(diagnostics, null, null)) {
      List<String> options =
          List.of(
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              out.toString(),
              "-processor",
              TaskIndexProcessor.class.getName());
      compiler
          .getTask(
              null,
              fileManager,
              diagnostics,
              options,
              null,
              fileManager.getJavaFileObjectsFromPaths(files))
          .call();
    }
    return new Result(
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> d.getMessage(null))
            .toList());
  }
}
