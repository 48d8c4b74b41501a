package dev.runtask.runtime.execution;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Run ids: random (version 4) UUIDs. On Linux, the containers' system, the 16 bytes come straight
 * from /dev/urandom, which is what {@link UUID#randomUUID()}'s SecureRandom reads there too; going
 * through SecureRandom first registers the JDK's security providers, which costs a task's start-up
 * more than everything the task itself does in hello-world (bench/README.md). Elsewhere, or if the
 * device cannot be read, {@link UUID#randomUUID()}.
 */
final class RunIds {
  private static final String URANDOM = "/dev/urandom";

  private RunIds() {}

  static String next() {
    byte[] bytes = new byte[16];
    try (InputStream in = new FileInputStream(URANDOM)) {
      if (in.readNBytes(bytes, 0, bytes.length) != bytes.length) {
        return UUID.randomUUID().toString();
      }
    } catch (IOException | SecurityException e) {
      return UUID.randomUUID().toString();
    }
    return fromRandomBytes(bytes).toString();
  }

  /** The version-4, IETF-variant UUID made of {@code bytes} (16 random bytes). */
  static UUID fromRandomBytes(byte[] bytes) {
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new UUID(buffer.getLong(), buffer.getLong());
  }
}
