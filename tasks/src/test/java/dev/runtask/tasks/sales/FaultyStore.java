package dev.runtask.tasks.sales;

import dev.runtask.runtime.tcc.ObjectStore;
import java.io.IOException;
import java.util.Optional;

/**
 * An object store that fails where told: a copy refused by the bucket policy (the attempt is
 * cancelled), or a process that dies during confirm (copies and deletes fail, so the attempt stays
 * PENDING for the next run to cancel).
 */
final class FaultyStore implements ObjectStore {
  private final ObjectStore real;
  private final boolean failDeletes;

  private FaultyStore(ObjectStore real, boolean failDeletes) {
    this.real = real;
    this.failDeletes = failDeletes;
  }

  static FaultyStore copyDenied(ObjectStore real) {
    return new FaultyStore(real, false);
  }

  static FaultyStore diesDuringConfirm(ObjectStore real) {
    return new FaultyStore(real, true);
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
    throw new IOException(failDeletes ? "process died" : "bucket policy denies the copy");
  }

  @Override
  public void delete(String key) throws IOException {
    if (failDeletes) {
      throw new IOException("process died");
    }
    real.delete(key);
  }
}
