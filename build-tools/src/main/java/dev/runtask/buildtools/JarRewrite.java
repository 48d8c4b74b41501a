package dev.runtask.buildtools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Rewrites a jar in place without some of its entries, keeping the others' order and times. */
final class JarRewrite {
  private JarRewrite() {}

  /** Rewrites {@code jar} without the entries whose names {@code drop} accepts. */
  static void without(Path jar, Predicate<String> drop) throws IOException {
    Path rewritten = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".tmp");
    try (ZipFile zip = new ZipFile(jar.toFile());
        OutputStream file = Files.newOutputStream(rewritten);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (ZipEntry entry : zip.stream().toList()) {
        if (drop.test(entry.getName())) {
          continue;
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        out.putNextEntry(copy);
        try (InputStream in = zip.getInputStream(entry)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    if (Files.getFileStore(jar).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(rewritten, Files.getPosixFilePermissions(jar));
    }
    Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
  }
}
