package dev.runtask.runtime.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.runtask.contract.LogRendering;
import java.time.ZoneId;

/**
 * Configures Logback in code (found through ServiceLoader): one console appender writing JSON lines
 * or text. Configuring in code rather than XML keeps Joran's parsing off the start-up path.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    boolean terminal = System.console() != null;
    LogFormat format = LogFormat.choose(System.getenv(), terminal);
    Encoder<ILoggingEvent> encoder =
        format == LogFormat.JSON
            ? new JsonLineEncoder()
            : new TextLineEncoder(
                LogRendering.of(terminal, System.getenv(), ZoneId.systemDefault()));
    encoder.setContext(context);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("console");
    appender.setEncoder(encoder);
    appender.start();

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(appender);
    // Libraries that narrate their own start-up; their warnings still get through.
    context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
    context.getLogger("org.flywaydb").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
