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
    Optional<Class<?>> compiled = compiledClass(loader);
    // A class of a parent loader says nothing of what else the loader itself can see.
    if (compiled.isEmpty()
        || compiled.get().getClassLoader() != loader
        || !isFile(location(compiled.get()), classPath)) {
      return Optional.empty();
    }
    return linesOf(compiled.get());
  }

  private static Optional<Class<?>> compiledClass(ClassLoader loader) {
    try {
      return Optional.of(Class.forName(CLASS_NAME, false, loader));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  private static URL location(Class<?> compiled) {
    CodeSource source = compiled.getProtectionDomain().getCodeSource();
    return source == null ? null : source.getLocation();
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
    Optional<Class<?>> compiled = compiledClass(loader);
    Optional<Path> directory =
        compiled.isEmpty() ? Optional.empty() : file(location(compiled.get()));
    if (directory.isEmpty() || !Files.isDirectory(directory.get())) {
      return Optional.empty();
    }
    Path resource = directory.get().resolve(TaskIndex.RESOURCE);
    List<String> written =
        Files.exists(resource) ? Files.readAllLines(resource, StandardCharsets.UTF_8) : List.of();
    if (linesOf(compiled.get()).equals(Optional.of(written))) {
      return Optional.empty();
    }
    return Optional.of(
        CLASS_NAME
            + " in "
            + directory.get()
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
    Optional<Path> file = file(location);
    return file.isPresent() && file.get().equals(Path.of(path).toAbsolutePath().normalize());
  }

  /** The jar or class directory a code source's location names, when it is a file. */
  private static Optional<Path> file(URL location) {
    if (location == null || !"file".equals(location.getProtocol())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(location.toURI()).normalize());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
