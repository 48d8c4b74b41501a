package dev.runtask.runtime.testtasks;

import picocli.CommandLine.Option;

/** Options a task inherits: picocli reads superclasses first, and so must the task index. */
public abstract class CommonOptions {
  @Option(names = "--verbose", description = "Say more")
  boolean verbose;
}
