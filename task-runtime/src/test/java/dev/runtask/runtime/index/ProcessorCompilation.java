package dev.runtask.runtime.index;

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

/**
 * Small task classes compiled with the real compiler and the processor, as a module's build does.
 */
final class ProcessorCompilation {
  private ProcessorCompilation() {}

  static String task(String pkg, String className, String name, String description) {
    return """
        package %s;
        @dev.runtask.runtime.api.Task(name = "%s", description = "%s")
        public final class %s implements dev.runtask.runtime.api.RunnableTask {
          public int run(dev.runtask.runtime.api.TaskContext context) { return 0; }
        }
        """
        .formatted(pkg, name, description, className);
  }

  record Result(List<String> errors) {}

  /** Compiles {@code sources} (path under src/ → text) into {@code dir}/out with the processor. */
  static Result compile(Path dir, Map<String, String> sources, List<String> extraOptions)
      throws IOException {
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
      List<String> options = new ArrayList<>();
      options.addAll(
          List.of(
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              out.toString(),
              "-processor",
              TaskIndexProcessor.class.getName(),
              // As the build compiles: a warning (a source made in the last round, say) fails it.
              "-Xlint:all,-processing,-serial,-try",
              "-Werror"));
      options.addAll(extraOptions);
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
