package dev.runtask.runtime.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;

/**
 * One JSON object per line, with the contract's field names ({@code LogFields}), for CloudWatch
 * Logs and the launcher. Written by the contract's {@code LogEvent}, which the launcher parses
 * with, rather than Logback's JsonEncoder, whose field names are its own.
 */
final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {
  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return (LogEvents.of(event).toJson() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }
}
