package dev.runtask.runtime.index;

import static dev.runtask.runtime.index.ProcessorCompilation.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index compiled into a class: what the processor writes, and when tasks.jar may take it
 * instead of searching the class path.
 */
class CompiledIndexTest {
  @TempDir Path dir;

  private static final Path JAR = Path.of("app", "tasks.jar").toAbsolutePath();

  @Test
  void isOneJar_theJarAlone_yes() {
    assertThat(CompiledIndex.isOneJar("tasks/target/tasks.jar")).isTrue();
  }

  @Test
  void isOneJar_moreEntriesOrADirectory_no() {
    assertThat(CompiledIndex.isOneJar("tasks.jar" + File.pathSeparator + "extra.jar")).isFalse();
    assertThat(CompiledIndex.isOneJar("target/classes")).isFalse();
    assertThat(CompiledIndex.isOneJar("")).isFalse();
  }

  @Test
  void isFile_codeSourceOfTheJarOnTheClassPath_yesRelativeOrNot() throws Exception {
    URL location = JAR.toUri().toURL();

    assertThat(CompiledIndex.isFile(location, JAR.toString())).isTrue();
    assertThat(CompiledIndex.isFile(location, Path.of("app", ".", "tasks.jar").toString()))
        .isTrue();
  }

  @Test
  void isFile_anotherJarOrNoLocation_no() throws Exception {
    URL location = JAR.toUri().toURL();

    assertThat(CompiledIndex.isFile(location, "other/tasks.jar")).isFalse();
    assertThat(CompiledIndex.isFile(null, JAR.toString())).isFalse();
    assertThat(CompiledIndex.isFile(new URL("jar:" + location + "!/"), JAR.toString())).isFalse();
  }

  @Test
  void lines_classPathOfSeveralEntries_readsTheResourcesInstead() {
    // This test JVM's class path has many entries: the compiled index never applies here.
    assertThat(CompiledIndex.lines(getClass().getClassLoader())).isEmpty();
  }

  @Test
  void compile_compiledIndexOption_writesAClassHoldingExactlyTheResourceLines() throws Exception {
    ProcessorCompilation.Result result =
        ProcessorCompilation.compile(
            dir,
            Map.of(
                "a/Quoted.java",
                task("a", "Quoted", "quoted", "Says \\\"hi\\\" to C:\\\\temp, café ☕ | 100%"),
                "a/Plain.java",
                task("a", "Plain", "plain", "Does plain things")),
            List.of("-A" + CompiledIndex.OPTION + "=true"));

    assertThat(result.errors()).isEmpty();
    Path out = dir.resolve("out");
    List<String> resource = Files.readAllLines(out.resolve(TaskIndex.RESOURCE));
    assertThat(resource).hasSize(2).anySatisfy(line -> assertThat(line).contains("café ☕"));
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
      @SuppressWarnings("unchecked")
      Supplier<String[]> compiled =
          (Supplier<String[]>)
              loader.loadClass(CompiledIndex.CLASS_NAME).getDeclaredConstructor().newInstance();
      assertThat(compiled.get()).containsExactlyElementsOf(resource);
    }
  }

  @Test
  void compiledIndex_readOnlyWhenTheClassPathIsTheOneJarHoldingIt() throws Exception {
    ProcessorCompilation.compile(
        dir,
        Map.of("a/Plain.java", task("a", "Plain", "plain", "Does plain things")),
        List.of("-A" + CompiledIndex.OPTION + "=true"));
    Path out = dir.resolve("out");
    Path jar = dir.resolve("tasks.jar");
    try (JarOutputStream zip = new JarOutputStream(Files.newOutputStream(jar));
        var files = Files.walk(out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        zip.putNextEntry(new JarEntry(out.relativize(file).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
    List<String> resource = Files.readAllLines(out.resolve(TaskIndex.RESOURCE));

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        URLClassLoader child = new URLClassLoader(new URL[0], loader)) {
      assertThat(CompiledIndex.lines(loader, jar.toString())).contains(resource);
      assertThat(CompiledIndex.lines(loader, jar + File.pathSeparator + "more.jar")).isEmpty();
      assertThat(CompiledIndex.lines(loader, dir.resolve("other.jar").toString())).isEmpty();
      // Through a child loader, which may see more than the jar.
      assertThat(CompiledIndex.lines(child, jar.toString())).isEmpty();
    }
  }

  @Test
  void requireCompiledIndexCurrent_resourceRewrittenWithoutTheClass_failsNamingTheCure()
      throws Exception {
    ProcessorCompilation.compile(
        dir,
        Map.of("a/Plain.java", task("a", "Plain", "plain", "Does plain things")),
        List.of("-A" + CompiledIndex.OPTION + "=true"));
    Path out = dir.resolve("out");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, null)) {
      TaskIndex.requireCompiledIndexCurrent(loader);

      // As an IDE's compilation would leave it: a new task in the resource, the old class.
      Files.writeString(
          out.resolve(TaskIndex.RESOURCE),
          "added\ta.Added\tfalse\tAdded in the IDE\n",
          StandardOpenOption.APPEND);

      assertThatThrownBy(() -> TaskIndex.requireCompiledIndexCurrent(loader))
          .hasMessageContaining(CompiledIndex.CLASS_NAME)
          .hasMessageContaining("run mvn clean package");
    }
  }

  @Test
  void compile_withoutCompiledIndexOption_writesNoClass() throws IOException {
    ProcessorCompilation.Result result =
        ProcessorCompilation.compile(
            dir, Map.of("a/Plain.java", task("a", "Plain", "plain", "Does plain")), List.of());

    assertThat(result.errors()).isEmpty();
    assertThat(dir.resolve("out/dev/runtask/generated")).doesNotExist();
  }

  @Test
  void compiledIndexSource_controlAndNonAsciiCharacters_survivesAsJavaLiterals() {
    assertThat(CompiledIndexSource.literal("a\tb\nc\u007f\"\\é"))
        .isEqualTo("\"a\\011b\\012c\\177\\\"\\\\\\u00e9\"");
  }
}
