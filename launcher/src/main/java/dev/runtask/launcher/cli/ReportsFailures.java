package dev.runtask.launcher.cli;

import dev.runtask.launcher.exit.Failure;

/** A command with a machine-readable output that must also describe how it failed. */
public interface ReportsFailures {
  /** Called by Main before it prints the failure's line on stderr. */
  void report(Failure failure);
}
