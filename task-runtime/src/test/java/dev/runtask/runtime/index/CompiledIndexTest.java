package dev.runtask.runtime.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** When tasks.jar may take its compiled index instead of searching the class path. */
class CompiledIndexTest {
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
}
