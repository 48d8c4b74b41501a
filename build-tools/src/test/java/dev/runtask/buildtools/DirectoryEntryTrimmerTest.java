package dev.runtask.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryEntryTrimmerTest {
  @TempDir Path dir;

  private Path jar() throws IOException {
    Path jar = dir.resolve("app.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (String name :
          List.of(
              "META-INF/", "a/", "a/b/", "a/b/C.txt", "db/", "db/tasks/", "db/tasks/V1__x.sql")) {
        out.putNextEntry(new ZipEntry(name));
        if (!name.endsWith("/")) {
          out.write(name.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }
    return jar;
  }

  private static List<String> entries(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().map(ZipEntry::getName).toList();
    }
  }

  @Test
  void trim_keepDb_dropsOtherDirectoriesKeepsEveryFileInOrder() throws IOException {
    Path jar = jar();

    assertThat(DirectoryEntryTrimmer.trim(jar, List.of("db/"))).isEqualTo(3);
    assertThat(entries(jar)).containsExactly("a/b/C.txt", "db/", "db/tasks/", "db/tasks/V1__x.sql");
  }

  /** Why the kept prefixes matter: a class loader finds a resource directory by its entry only. */
  @Test
  void trim_resourceDirectoryLookup_findsKeptDirectoriesOnly() throws IOException {
    Path jar = jar();
    DirectoryEntryTrimmer.trim(jar, List.of("db/"));

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThat(Collections.list(loader.getResources("db/tasks"))).hasSize(1);
      assertThat(Collections.list(loader.getResources("a/b"))).isEmpty();
      assertThat(loader.getResource("a/b/C.txt")).isNotNull();
    }
  }
}
