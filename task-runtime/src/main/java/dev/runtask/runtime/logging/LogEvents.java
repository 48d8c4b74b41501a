package dev.runtask.runtime.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import dev.runtask.contract.LogEvent;
import dev.runtask.contract.LogFields;
import org.slf4j.event.KeyValuePair;

/** A Logback event as the contract's {@link LogEvent}, the one model both encoders write. */
final class LogEvents {
  private LogEvents() {}

  static LogEvent of(ILoggingEvent event) {
    IThrowableProxy throwable = event.getThrowableProxy();
    return new LogEvent(
        event.getTimeStamp(),
        event.getLevel().toString(),
        event.getThreadName(),
        event.getLoggerName(),
        event.getMDCPropertyMap(),
        event.getFormattedMessage(),
        throwable == null ? null : ThrowableProxyUtil.asString(throwable),
        exitCode(event));
  }

  /** The end-of-log marker's value, set by the runtime's last line only. */
  private static Integer exitCode(ILoggingEvent event) {
    if (event.getKeyValuePairs() == null) {
      return null;
    }
    for (KeyValuePair pair : event.getKeyValuePairs()) {
      if (LogFields.EXIT_CODE.equals(pair.key) && pair.value instanceof Integer code) {
        return code;
      }
    }
    return null;
  }
}
