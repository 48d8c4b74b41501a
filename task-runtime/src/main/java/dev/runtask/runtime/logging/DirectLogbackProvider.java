package dev.runtask.runtime.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import ch.qos.logback.core.util.StatusPrinter;

/**
 * The SLF4J provider tasks.jar names explicitly ({@link LoggingStartup}): Logback's own provider,
 * configured by {@link LogConfigurator} directly instead of through Logback's ContextInitializer.
 * That initializer looks configurators up with ServiceLoader, reads Logback's version from its jar
 * and formats status messages before it gets to ours: about a quarter of hello-world's start-up
 * (bench/README.md). The context, its MDC adapter and its configuration are the ones the
 * ServiceLoader path gives tests and anyone embedding the runtime.
 */
public final class DirectLogbackProvider extends LogbackServiceProvider {

  @Override
  public void initialize() {
    LoggerContext context = (LoggerContext) getLoggerFactory();
    context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
    context.setMDCAdapter(getMDCAdapter());
    LogConfigurator configurator = new LogConfigurator();
    configurator.setContext(context);
    configurator.configure(context);
    // As Logback's provider does: its internal status reaches stderr only when something is wrong.
    if (new StatusUtil(context).getHighestLevel(0) >= Status.WARN) {
      StatusPrinter.print(context);
    }
    context.start();
  }
}
