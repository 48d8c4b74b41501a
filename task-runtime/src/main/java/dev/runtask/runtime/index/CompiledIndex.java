package dev.runtask.runtime.index;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The task index compiled into a class ({@link #CLASS_NAME}), which a packaged tasks.jar holds
 * beside its {@link TaskIndex#RESOURCE}. Reading it costs nothing at start-up: the class comes from
 * the class-data archive, while finding the resource makes the class loader search the JDK's
 * modules and then open the jar a second time (the java launcher had already read its central
 * directory once for the manifest), ≈ 10 ms of hello-world's start (bench/README.md).
 *
 * <p>It is used only when the class path is the one jar the class came from, through the loader
 * asked: the jar's resource is then the only index there is and was written by the same
 * compilation. Anywhere else (tests, a class path of several entries) the resources are read, since
 * another entry may hold more tasks.
 */
final class CompiledIndex {
  /** Written by {@link TaskIndexProcessor} when {@link #OPTION} is true. */
  static final String CLASS_NAME = "dev.runtask.generated.CompiledTaskIndex";

  /** The processor option that makes a compilation write {@link #CLASS_NAME} too. */
  static final String OPTION = "runtask.compiledIndex";

  private CompiledIndex() {}

  /** The index lines of the class, when it applies to {@code loader}'s class path (above). */
  static Optional<List<String>> lines(ClassLoader loader) {
    return lines(loader, System.getProperty("java.class.path", ""));
  }

  static Optional<List<String>> lines(ClassLoader loader, String classPath) {
    if (!isOneJar(classPath)) {
      return Optional.empty();
    }
    Class<?> compiled;
    try {
      compiled = Class.forName(CLASS_NAME, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
    // A class of a parent loader says nothing of what else the loader itself can see.
    CodeSource source = compiled.getProtectionDomain().getCodeSource();
    if (compiled.getClassLoader() != loader
        || source == null
        || !isFile(source.getLocation(), classPath)) {
      return Optional.empty();
    }
    return linesOf(compiled);
  }

  private static Optional<List<String>> linesOf(Class<?> compiled) {
    try {
      @SuppressWarnings("unchecked")
      Supplier<String[]> lines =
          (Supplier<String[]>) compiled.getDeclaredConstructor().newInstance();
      return Optional.of(List.of(lines.get()));
    } catch (ReflectiveOperationException | ClassCastException e) {
      return Optional.empty();
    }
  }

  /**
   * What is wrong when the compiled index in a class directory (a build's output) no longer says
   * what the resource beside it says: a compilation that does not pass {@link #OPTION} (an IDE's,
   * say) rewrote the resource and left an earlier build's class, which Maven then packages
   * unchanged, and tasks.jar would not know the new tasks. Empty when they agree, when there is no
   * compiled index, or when it is in a jar (whose build checked it).
   */
  static Optional<String> staleness(ClassLoader loader) throws IOException {
    Class<?> compiled;
    try {
      compiled = Class.forName(CLASS_NAME, false, loader);
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
    CodeSource source = compiled.getProtectionDomain().getCodeSource();
    Path directory;
    try {
      directory = source == null ? null : Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (directory == null || !Files.isDirectory(directory)) {
      return Optional.empty();
    }
    Path resource = directory.resolve(TaskIndex.RESOURCE);
    List<String> written =
        Files.exists(resource) ? Files.readAllLines(resource, StandardCharsets.UTF_8) : List.of();
    if (linesOf(compiled).equals(Optional.of(written))) {
      return Optional.empty();
    }
    return Optional.of(
        CLASS_NAME
            + " in "
            + directory
            + " does not list the tasks "
            + TaskIndex.RESOURCE
            + " beside it lists: a compilation without -A"
            + OPTION
            + "=true (an IDE's?) rewrote the index after the last Maven build; run mvn clean"
            + " package");
  }

  static boolean isOneJar(String classPath) {
    return classPath.endsWith(".jar") && classPath.indexOf(File.pathSeparatorChar) < 0;
  }

  /** Whether {@code location} (a code source) is the file {@code path} names. */
  static boolean isFile(URL location, String path) {
    if (location == null || !"file".equals(location.getProtocol())) {
      return false;
    }
    try {
      return Path.of(location.toURI())
          .normalize()
          .equals(Path.of(path).toAbsolutePath().normalize());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return false;
    }
  }
}
