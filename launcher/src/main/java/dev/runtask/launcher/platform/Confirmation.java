package dev.runtask.launcher.platform;

import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.run.RunPlan;

/**
 * Production runs need a typed confirmation on a terminal or --yes; with neither the run is
 * refused.
 */
final class Confirmation {
  private Confirmation() {}

  /** Checked before any AWS call: no terminal and no --yes can never end in a run. */
  static void requirePossible(Host host, RunPlan plan) {
    if (needed(plan) && !host.terminal().interactive()) {
      throw LauncherException.badInput(
          "environment "
              + plan.environment().name()
              + " needs confirmation and there is no terminal to ask on — re-run with --yes");
    }
  }

  static void confirm(Host host, RunPlan plan, String account) {
    if (!needed(plan)) {
      return;
    }
    requirePossible(host, plan);
    String name = plan.environment().name();
    String answer =
        host.terminal()
            .ask(
                "Run "
                    + String.join(" ", plan.redactedCommand())
                    + " on "
                    + name
                    + " (account "
                    + account
                    + ", cluster "
                    + plan.environment().config().cluster()
                    + ")? Type \""
                    + name
                    + "\" to confirm:");
    if (answer == null || !answer.trim().equals(name)) {
      throw LauncherException.badInput("not confirmed: nothing was run");
    }
  }

  private static boolean needed(RunPlan plan) {
    return plan.environment().config().confirm()
        && !plan.options().yes()
        && !plan.options().dryRun();
  }
}
