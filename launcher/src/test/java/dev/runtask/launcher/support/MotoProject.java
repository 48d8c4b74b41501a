package dev.runtask.launcher.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Per test: a fresh moto state behind the fault proxy ({@link MotoFixture}), a copy of the test
 * project a test may change, and a host configured for both. Register with
 * {@code @RegisterExtension}.
 */
public final class MotoProject implements BeforeEachCallback, AfterEachCallback {
  public MotoFixture moto;
  public Path project;
  public TestHost host;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    moto = new MotoFixture();
    project = Projects.copyTo(Files.createTempDirectory("launcher-project"));
    host = moto.host(project);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    // The server outlives the test: a slowed-down task pace would leave the next test's task
    // running forever.
    moto.moto.unsetTaskTransitions();
    moto.close();
    try (Stream<Path> files = Files.walk(project)) {
      files.sorted(Comparator.reverseOrder()).forEach(MotoProject::delete);
    }
  }

  /**
   * {@code launcher run -e moto} on {@link #host} with the fixture's AWS arguments, then {@code
   * args}.
   */
  public TestHost.Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("-e", "moto"));
    all.addAll(List.of(args));
    return runOn(host, all.toArray(String[]::new));
  }

  /**
   * {@code launcher run} on {@code host} with the fixture's credentials, endpoint and fast waiter,
   * then {@code args}.
   */
  public TestHost.Result runOn(TestHost host, String... args) {
    List<String> all = new ArrayList<>(List.of("run"));
    all.addAll(List.of(moto.aws()));
    all.addAll(List.of(args));
    return host.run(all.toArray(String[]::new));
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
