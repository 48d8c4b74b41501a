package dev.runtask.runtime.tcc;

import java.io.IOException;

/** What a try phase uses: the attempt id for its pending rows, and pending object writes. */
public interface Reservation {
  /** Put this into the attempt column of rows written with status PENDING. */
  String attemptId();

  /**
   * Writes an object under a pending key; it appears under {@code finalKey} only on confirm and is
   * deleted on cancel. The intent is recorded (and committed) before the upload so that a crash in
   * between can still be cleaned up by the next run.
   */
  void putObject(String finalKey, byte[] content) throws IOException;
}
