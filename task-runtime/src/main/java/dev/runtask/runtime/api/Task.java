package dev.runtask.runtime.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a named task that {@code tasks.jar TASK} can run.
 *
 * <p>The annotation processor in this module records every annotated class in a task index at
 * compile time, so start-up never scans the classpath. Names must be kebab-case and unique.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Task {
  /** Kebab-case name used on the command line, e.g. {@code backfill-orders}. */
  String name();

  /** One line saying what the task does; shown by {@code tasks.jar --help}. */
  String description();

  /** When true, a second run while one is active anywhere exits with code 100. */
  boolean singleInstance() default false;
}
