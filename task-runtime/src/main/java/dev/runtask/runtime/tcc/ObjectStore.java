package dev.runtask.runtime.tcc;

import java.io.IOException;
import java.util.Optional;

/** Where TCC work puts objects: S3 on AWS, a local directory for the embedded default. */
public interface ObjectStore {
  void put(String key, byte[] content) throws IOException;

  Optional<byte[]> get(String key) throws IOException;

  void copy(String fromKey, String toKey) throws IOException;

  /** Deletes the object; a missing object is not an error. */
  void delete(String key) throws IOException;
}
