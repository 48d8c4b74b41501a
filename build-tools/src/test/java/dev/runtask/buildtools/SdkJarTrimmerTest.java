package dev.runtask.buildtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trimmer on a jar of a small service shaped like the SDK's: a client, model, transform. */
class SdkJarTrimmerTest {
  private static final String PKG = "software.amazon.awssdk.services.demo";
  private static final String DIR = "software/amazon/awssdk/services/demo/";

  /** Two operations, Run and Stop; each request has a builder and a member shape. */
  private static final Map<String, String> SOURCES =
      Map.ofEntries(
          Map.entry(
              "DemoClient",
              "package PKG; import PKG.model.*; import PKG.transform.*;"
                  + " public class DemoClient {"
                  + " public RunResponse run(RunRequest r) throws DemoException {"
                  + "   new RunRequestMarshaller(); return new RunResponse(); }"
                  + " public StopResponse stop(StopRequest r) throws DemoException {"
                  + "   new StopRequestMarshaller(); StopRequest.builder(); return new StopResponse();"
                  + " } }"),
          Map.entry(
              "model.RunRequest",
              "package PKG.model; public class RunRequest { Setting setting;"
                  + " public static Builder builder() { return null; }"
                  + " public interface Builder { Builder setting(Setting s); } }"),
          Map.entry("model.RunResponse", "package PKG.model; public class RunResponse {}"),
          Map.entry(
              "model.StopRequest",
              "package PKG.model; public class StopRequest { Reason reason;"
                  + " public static Builder builder() { return null; }"
                  + " public interface Builder { Builder reason(Reason r); } }"),
          Map.entry("model.StopResponse", "package PKG.model; public class StopResponse {}"),
          Map.entry("model.Setting", "package PKG.model; public class Setting {}"),
          Map.entry("model.Reason", "package PKG.model; public class Reason {}"),
          Map.entry("model.Unused", "package PKG.model; public class Unused {}"),
          Map.entry(
              "model.DemoException",
              "package PKG.model; public class DemoException extends Exception {}"),
          Map.entry(
              "transform.RunRequestMarshaller",
              "package PKG.transform; public class RunRequestMarshaller {"
                  + " PKG.model.RunRequest request; }"),
          Map.entry(
              "transform.StopRequestMarshaller",
              "package PKG.transform; public class StopRequestMarshaller {"
                  + " PKG.model.StopRequest request; PKG.model.Reason reason; }"));

  @TempDir Path dir;

  private Path demoJar() throws IOException {
    Path src = dir.resolve("src");
    Path classes = dir.resolve("classes");
    List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
    for (Map.Entry<String, String> source : SOURCES.entrySet()) {
      Path file = src.resolve((PKG + "." + source.getKey()).replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue().replace("PKG", PKG));
      args.add(file.toString());
    }
    assertThat(
            ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)))
        .isZero();
    Path jar = dir.resolve("demo.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream out = new ZipOutputStream(file);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
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
  void trim_oneOperationCalled_dropsTheOthersMarshallerBuildersAndShapesKeepsItsRequestClasses()
      throws IOException {
    Path jar = demoJar();

    assertThat(SdkJarTrimmer.trim(jar, List.of("demo:Run")))
        .containsExactlyInAnyOrder(
            DIR + "transform/StopRequestMarshaller.class",
            DIR + "model/StopRequest$Builder.class",
            DIR + "model/Reason.class",
            DIR + "model/Unused.class");
    assertThat(entries(jar))
        .contains(
            DIR + "DemoClient.class",
            DIR + "transform/RunRequestMarshaller.class",
            DIR + "model/RunRequest.class",
            DIR + "model/RunRequest$Builder.class",
            DIR + "model/Setting.class",
            DIR + "model/RunResponse.class",
            DIR + "model/DemoException.class",
            // Named by the client's method signature: the verifier may load it.
            DIR + "model/StopRequest.class",
            DIR + "model/StopResponse.class")
        .doesNotContain(DIR + "transform/StopRequestMarshaller.class", DIR + "model/Reason.class");
  }

  @Test
  void trim_bothOperationsCalled_dropsOnlyWhatNothingReaches() throws IOException {
    Path jar = demoJar();

    assertThat(SdkJarTrimmer.trim(jar, List.of("demo:Run", "demo:Stop")))
        .containsExactly(DIR + "model/Unused.class");
  }

  @Test
  void trim_serviceNoCallNames_failsNamingIt() throws IOException {
    Path jar = demoJar();

    assertThatThrownBy(() -> SdkJarTrimmer.trim(jar, List.of("ecs:RunTask")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("demo service");
  }
}
