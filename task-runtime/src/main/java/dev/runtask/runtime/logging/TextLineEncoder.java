package dev.runtask.runtime.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import dev.runtask.contract.LogRendering;
import java.nio.charset.StandardCharsets;

/**
 * Text for a person: the contract's {@link LogRendering}, the same the launcher shows the JSON
 * lines with, so a task reads the same run locally, through the launcher or from CloudWatch.
 */
final class TextLineEncoder extends EncoderBase<ILoggingEvent> {
  private final LogRendering rendering;

  TextLineEncoder(LogRendering rendering) {
    this.rendering = rendering;
  }

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return (rendering.render(LogEvents.of(event)) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }
}
