package dev.runtask.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarEntryLimitTest {
  @TempDir Path dir;

  private Path jarWith(String... names) throws IOException {
    Path jar = dir.resolve("some.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (String name : names) {
        out.putNextEntry(new ZipEntry(name));
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void entries_directoriesAndFiles_allCount() throws IOException {
    assertThat(JarEntryLimit.entries(jarWith("a/", "a/B.class", "META-INF/MANIFEST.MF")))
        .isEqualTo(3);
  }

  @Test
  void problem_atTheLimit_none() throws IOException {
    Path jar = jarWith("a/", "a/B.class");

    assertThat(JarEntryLimit.problem(jar, JarEntryLimit.entries(jar), 2)).isNull();
  }

  @Test
  void problem_overTheLimit_namesTheJarCountLimitAndWhatToDo() throws IOException {
    Path jar = jarWith("a/", "a/B.class", "a/C.class");

    assertThat(JarEntryLimit.problem(jar, JarEntryLimit.entries(jar), 2))
        .contains(jar.toString(), "has 3 entries", "limit of 2", "shade filters");
  }
}
