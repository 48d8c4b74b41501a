package dev.runtask.runtime.tcc;

import java.io.IOException;
import java.util.Optional;

/**
 * Stands in for a process that dies at some point of a TCC attempt: from then on it cleans nothing
 * up (every delete fails), so the attempt stays PENDING for the next run to cancel.
 */
final class CrashingStore implements ObjectStore {
  private final ObjectStore real;
  private final boolean crashAfterFirstCopy;
  private boolean crashed;

  private CrashingStore(ObjectStore real, boolean crashAfterFirstCopy) {
    this.real = real;
    this.crashAfterFirstCopy = crashAfterFirstCopy;
  }

  /** Dies when the try phase fails: the cancel that follows deletes nothing. */
  static CrashingStore afterTry(ObjectStore real) {
    return new CrashingStore(real, false);
  }

  /** Dies during confirm, right after copying the first object to its final key. */
  static CrashingStore afterFirstCopy(ObjectStore real) {
    return new CrashingStore(real, true);
  }

  @Override
  public void put(String key, byte[] content) throws IOException {
    real.put(key, content);
  }

  @Override
  public boolean exists(String key) throws IOException {
    return real.exists(key);
  }

  @Override
  public String uri(String key) {
    return real.uri(key);
  }

  @Override
  public Optional<byte[]> get(String key) throws IOException {
    return real.get(key);
  }

  @Override
  public void copy(String fromKey, String toKey) throws IOException {
    if (crashed) {
      throw new IOException("process died");
    }
    real.copy(fromKey, toKey);
    if (crashAfterFirstCopy) {
      crashed = true;
      throw new IOException("process died right after copying " + toKey);
    }
  }

  @Override
  public void delete(String key) throws IOException {
    throw new IOException("process died");
  }
}
