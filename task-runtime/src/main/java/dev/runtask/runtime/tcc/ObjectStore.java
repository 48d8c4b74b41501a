package dev.runtask.runtime.tcc;

import java.io.IOException;
import java.util.Optional;

/** Where TCC work puts objects: S3 on AWS, a local directory for the embedded default. */
public interface ObjectStore {
  void put(String key, byte[] content) throws IOException;

  /** Whether an object exists at {@code key}. */
  default boolean exists(String key) throws IOException {
    return get(key).isPresent();
  }

  /** The full location of {@code key}, naming the store too, e.g. {@code s3://bucket/p/key}. */
  String uri(String key);

  Optional<byte[]> get(String key) throws IOException;

  void copy(String fromKey, String toKey) throws IOException;

  /** Deletes the object; a missing object is not an error. */
  void delete(String key) throws IOException;
}
