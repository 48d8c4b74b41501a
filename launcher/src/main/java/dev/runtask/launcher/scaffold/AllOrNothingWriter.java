package dev.runtask.launcher.scaffold;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes a set of new files all or none: each is first written to a temporary file next to its
 * target, then all are moved into place; if any step fails, what was moved, the temporary files and
 * the directories created on the way are removed again. Never replaces an existing file.
 */
final class AllOrNothingWriter {
  /** The move step, replaceable in tests to fail the n-th move (a real file system rarely does). */
  interface Mover {
    void move(Path source, Path target) throws IOException;
  }

  /** One file to create. */
  record NewFile(Path path, String content) {
    NewFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(content, "content of " + path);
    }
  }

  /**
   * Why writing failed; {@link #getMessage()} is one line naming the path, and nothing is left
   * behind.
   */
  static final class WriteFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    WriteFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Function<Path, String> display;
  private final Mover mover;

  /** {@code display} shows a path in messages (relative to the repository root). */
  AllOrNothingWriter(Function<Path, String> display) {
    this(display, (source, target) -> Files.move(source, target));
  }

  AllOrNothingWriter(Function<Path, String> display, Mover mover) {
    this.display = display;
    this.mover = mover;
  }

  /** Creates every file or, on failure, none (and throws). */
  void write(List<NewFile> files) throws WriteFailedException {
    Deque<Path> createdDirs = new ArrayDeque<>();
    Map<Path, Path> staged = new LinkedHashMap<>();
    List<Path> moved = new ArrayList<>();
    Path current = null;
    try {
      for (NewFile file : files) {
        current = file.path();
        if (Files.exists(file.path(), LinkOption.NOFOLLOW_LINKS)) {
          throw new FileAlreadyExistsException(file.path().toString());
        }
        createDirectories(file.path().getParent(), createdDirs);
        Path temp =
            Files.createTempFile(
                file.path().getParent(), "." + file.path().getFileName() + ".", ".tmp");
        staged.put(file.path(), temp);
        Files.writeString(temp, file.content(), StandardCharsets.UTF_8);
      }
      for (Map.Entry<Path, Path> e : staged.entrySet()) {
        current = e.getKey();
        mover.move(e.getValue(), e.getKey());
        moved.add(e.getKey());
      }
    } catch (IOException | RuntimeException e) {
      List<Path> left = rollBack(moved, staged, createdDirs, e);
      throw new WriteFailedException(
          "cannot write "
              + display.apply(current)
              + ": "
              + reason(e, current)
              + (left.isEmpty()
                  ? "; nothing was written"
                  : "; could not remove again: " + left.stream().map(display).toList()),
          e);
    }
  }

  private static void createDirectories(Path dir, Deque<Path> created) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path d = dir; d != null && !Files.isDirectory(d); d = d.getParent()) {
      missing.push(d);
    }
    while (!missing.isEmpty()) {
      Path d = missing.pop();
      Files.createDirectory(d);
      created.push(d);
    }
  }

  /** Undoes in reverse order; returns what could not be removed. */
  private static List<Path> rollBack(
      List<Path> moved, Map<Path, Path> staged, Deque<Path> createdDirs, Exception cause) {
    List<Path> left = new ArrayList<>();
    List<Path> files = new ArrayList<>(moved);
    for (Path temp : staged.values()) {
      files.add(temp);
    }
    for (Path file : files) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        cause.addSuppressed(e);
        left.add(file);
      }
    }
    for (Path dir : createdDirs) {
      try {
        Files.deleteIfExists(dir);
      } catch (DirectoryNotEmptyException e) {
        // Someone else put a file there meanwhile: theirs, so the directory stays.
      } catch (IOException e) {
        cause.addSuppressed(e);
        left.add(dir);
      }
    }
    return left;
  }

  private String reason(Exception e, Path target) {
    if (e instanceof FileAlreadyExistsException f) {
      Path file = Path.of(f.getFile());
      return file.equals(target)
          ? "it already exists (not overwritten)"
          : display.apply(file) + " is a file where a directory is needed";
    }
    if (e instanceof AccessDeniedException a) {
      return "permission denied on " + display.apply(Path.of(a.getFile()));
    }
    if (e instanceof NoSuchFileException n) {
      return display.apply(Path.of(n.getFile())) + " does not exist";
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
