package dev.runtask.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ClassReferencesTest {
  private static byte[] classFile(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      return in.readAllBytes();
    }
  }

  @Test
  void of_realClassFile_namesWhatItUsesInCodeAndSignatures() throws IOException {
    assertThat(ClassReferences.of(classFile(SdkJarTrimmer.class)))
        .contains(
            "java/util/zip/ZipFile",
            "java/util/regex/Matcher",
            "dev/runtask/buildtools/ClassReferences",
            "java/util/Collection");
  }
}
