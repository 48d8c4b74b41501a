package dev.runtask.runtime.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles small task classes with the real compiler and the processor, as the tasks module does.
 */
class TaskIndexProcessorTest {
  @TempDir Path dir;

  @Test
  void compile_validTasks_writesOneIndexLinePerTaskSortedByName() throws IOException {
    ProcessorCompilation.Result result =
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
    ProcessorCompilation.Result result =
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
    ProcessorCompilation.Result result =
        compile(Map.of("a/Bad.java", task("a", "Bad", "BackfillOrders", "Bad name")));

    assertThat(result.errors())
        .containsExactly("Task name 'BackfillOrders' must be kebab-case, e.g. backfill-orders");
  }

  @Test
  void compile_classNotARunnableTask_failsTheBuild() throws IOException {
    ProcessorCompilation.Result result =
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
    ProcessorCompilation.Result result =
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

  @Test
  void compile_taskWithOptionsAndMixin_indexReadsBackEveryAttributeIncludingTabsAndNewlines()
      throws IOException {
    ProcessorCompilation.Result result =
        compile(
            Map.of(
                "a/Base.java",
                """
        package a;
        public abstract class Base {
          @picocli.CommandLine.Option(names = "--verbose") boolean verbose;
        }
        """,
                "a/Opts.java",
                """
        package a;
        @dev.runtask.runtime.api.Task(name = "opts", description = "Has options")
        public final class Opts extends Base implements dev.runtask.runtime.api.RunnableTask {
          @picocli.CommandLine.Option(names = {"-s", "--sep"}, defaultValue = "a\\tb\\nc|d",
              description = {"one", "two|three"})
          String separator;
          @picocli.CommandLine.Mixin dev.runtask.runtime.db.DryRun dryRun;
          @picocli.CommandLine.Parameters(index = "0..*") java.util.List<java.nio.file.Path> files;
          public int run(dev.runtask.runtime.api.TaskContext context) { return 0; }
        }
        """));

    assertThat(result.errors()).isEmpty();
    TaskEntry entry =
        TaskEntry.parse(Files.readAllLines(dir.resolve("out").resolve(TaskIndex.RESOURCE))).get(0);
    assertThat(entry.members()).hasSize(4);
    ArgEntry verbose = (ArgEntry) entry.members().get(0);
    ArgEntry separator = (ArgEntry) entry.members().get(1);
    MixinEntry dryRun = (MixinEntry) entry.members().get(2);
    ArgEntry files = (ArgEntry) entry.members().get(3);
    assertThat(verbose.declaringClass()).isEqualTo("a.Base");
    assertThat(separator.names()).containsExactly("-s", "--sep");
    assertThat(separator.defaultValue()).isEqualTo("a\tb\nc|d");
    assertThat(separator.description()).containsExactly("one", "two|three");
    assertThat(dryRun.type()).isEqualTo("dev.runtask.runtime.db.DryRun");
    assertThat(dryRun.arguments())
        .extracting(ArgEntry::names)
        .containsExactly(List.of("--dry-run"));
    assertThat(files.kind()).isEqualTo(ArgEntry.Kind.POSITIONAL);
    assertThat(files.index()).isEqualTo("0..*");
    assertThat(files.type()).isEqualTo("java.util.List");
    assertThat(files.auxiliaryTypes()).containsExactly("java.nio.file.Path");
  }

  @Test
  void compile_optionWithConverter_failsNamingTaskFieldAndAttribute() throws IOException {
    ProcessorCompilation.Result result =
        compile(
            Map.of(
                "a/Conv.java",
                withMembers(
                    "conv",
                    "Conv",
                    """
          static final class Upper implements picocli.CommandLine.ITypeConverter<String> {
            public String convert(String value) { return value.toUpperCase(); }
          }
          @picocli.CommandLine.Option(names = "--name", converter = Upper.class) String name;
        """)));

    assertThat(result.errors())
        .containsExactly(
            "task conv (a.Conv): field Conv.name uses @Option(converter): the task index cannot"
                + " describe that, and the runtime builds the task's command from the index"
                + " alone");
  }

  @Test
  void compile_whatTheIndexCannotDescribe_failsTheBuildOnceForEach() throws IOException {
    ProcessorCompilation.Result result =
        compile(
            Map.of(
                "a/Odd.java",
                withMembers(
                    "odd",
                    "Odd",
                    """
          static final class Source {
            @picocli.CommandLine.Option(names = "--file") String file;
            @picocli.CommandLine.Option(names = "--url") String url;
          }
          @picocli.CommandLine.ArgGroup(exclusive = true) Source source;
          @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
          @picocli.CommandLine.Option(names = "--password", interactive = true) char[] password;
          static final class Items extends java.util.ArrayList<String> {}
          @picocli.CommandLine.Parameters(completionCandidates = Items.class) String item;
          @picocli.CommandLine.Option(names = "--level") void level(int level) {}
        """)));

    assertThat(result.errors())
        .extracting(TaskIndexProcessorTest::withoutReason)
        .containsExactlyInAnyOrder(
            "task odd (a.Odd): field Odd.source uses @ArgGroup",
            "task odd (a.Odd): field Odd.spec uses @Spec",
            "task odd (a.Odd): field Odd.password uses @Option(interactive)",
            "task odd (a.Odd): field Odd.item uses @Parameters(completionCandidates)",
            "task odd (a.Odd): method Odd.level uses @Option on a method (annotate a field"
                + " instead)");
  }

  @Test
  void compile_commandAnnotationOrMixinWithSpec_failsTheBuild() throws IOException {
    ProcessorCompilation.Result result =
        compile(
            Map.of(
                "a/Cmd.java",
                """
        package a;
        @picocli.CommandLine.Command(sortOptions = false)
        @dev.runtask.runtime.api.Task(name = "cmd", description = "Has @Command")
        public final class Cmd implements dev.runtask.runtime.api.RunnableTask {
          public static final class Shared {
            @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
            picocli.CommandLine.Model.CommandSpec mixee;
          }
          @picocli.CommandLine.Mixin Shared shared;
          public int run(dev.runtask.runtime.api.TaskContext context) { return 0; }
        }
        """));

    assertThat(result.errors())
        .extracting(TaskIndexProcessorTest::withoutReason)
        .containsExactlyInAnyOrder(
            "task cmd (a.Cmd): class Cmd uses @Command (the task's command comes from its @Task)",
            "task cmd (a.Cmd): field Shared.mixee uses @Spec inside a mixin");
  }

  /** A refusal without its fixed reason, so a test lists what was refused. */
  private static String withoutReason(String error) {
    int reason = error.indexOf(": the task index cannot describe that");
    return reason < 0 ? error : error.substring(0, reason);
  }

  private static String withMembers(String name, String className, String members) {
    return """
        package a;
        @dev.runtask.runtime.api.Task(name = "%s", description = "Odd options")
        public final class %s implements dev.runtask.runtime.api.RunnableTask {
        %s
          public int run(dev.runtask.runtime.api.TaskContext context) { return 0; }
        }
        """
        .formatted(name, className, members);
  }

  private ProcessorCompilation.Result compile(Map<String, String> sources) throws IOException {
    return ProcessorCompilation.compile(dir, sources, List.of());
  }

  private static String task(String pkg, String className, String name, String description) {
    return ProcessorCompilation.task(pkg, className, name, description);
  }
}
