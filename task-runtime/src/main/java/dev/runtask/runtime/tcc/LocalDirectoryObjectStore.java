package dev.runtask.runtime.tcc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** An {@link ObjectStore} in a local directory (default {@code .local/objects}); keys are paths. */
public final class LocalDirectoryObjectStore implements ObjectStore {
  private final Path root;

  public LocalDirectoryObjectStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  private Path file(String key) {
    Path file = root.resolve(key).normalize();
    if (!file.startsWith(root) || key.isBlank()) {
      throw new IllegalArgumentException("object key '" + key + "' escapes the store directory");
    }
    return file;
  }

  @Override
  public void put(String key, byte[] content) throws IOException {
    Path file = file(key);
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), ".put-", ".tmp");
    Files.write(tmp, content);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public boolean exists(String key) {
    return Files.exists(file(key));
  }

  @Override
  public String uri(String key) {
    return file(key).toUri().toString();
  }

  @Override
  public Optional<byte[]> get(String key) throws IOException {
    try {
      return Optional.of(Files.readAllBytes(file(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public void copy(String fromKey, String toKey) throws IOException {
    Path to = file(toKey);
    Files.createDirectories(to.getParent());
    Files.copy(file(fromKey), to, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(file(key));
  }
}
