package dev.runtask.launcher.scaffold;

import com.palantir.javapoet.ClassName;

/**
 * The types generated code refers to, by name: the launcher does not depend on the runtime, and
 * JavaPoet only needs names to write the imports.
 */
final class RuntimeTypes {
  static final ClassName TASK = ClassName.get("dev.runtask.runtime.api", "Task");
  static final ClassName RUNNABLE_TASK = ClassName.get("dev.runtask.runtime.api", "RunnableTask");
  static final ClassName TASK_CONTEXT = ClassName.get("dev.runtask.runtime.api", "TaskContext");
  static final ClassName EXIT_CODES = ClassName.get("dev.runtask.runtime.api", "ExitCodes");
  static final ClassName DATABASE = ClassName.get("dev.runtask.runtime.db", "Database");
  static final ClassName DRY_RUN = ClassName.get("dev.runtask.runtime.db", "DryRun");
  static final ClassName CONNECTION_PROVIDER =
      ClassName.get("dev.runtask.runtime.db", "ConnectionProvider");
  static final ClassName TRANSACTIONS = ClassName.get("dev.runtask.runtime.tx", "Transactions");
  static final ClassName TASK_RUNTIME = ClassName.get("dev.runtask.runtime", "TaskRuntime");
  static final ClassName DATABASE_TEST = ClassName.get("dev.runtask.testsupport", "DatabaseTest");

  static final ClassName OPTION = ClassName.get("picocli", "CommandLine", "Option");
  static final ClassName MIXIN = ClassName.get("picocli", "CommandLine", "Mixin");
  static final ClassName LOGGER = ClassName.get("org.slf4j", "Logger");
  static final ClassName LOGGER_FACTORY = ClassName.get("org.slf4j", "LoggerFactory");

  static final ClassName TEST = ClassName.get("org.junit.jupiter.api", "Test");
  static final ClassName ASSERTIONS = ClassName.get("org.assertj.core.api", "Assertions");

  private RuntimeTypes() {}
}
