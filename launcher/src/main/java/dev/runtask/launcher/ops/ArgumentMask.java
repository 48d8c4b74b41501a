package dev.runtask.launcher.ops;

import dev.runtask.contract.Secrets;
import dev.runtask.contract.TaskManifest;
import dev.runtask.contract.TaskManifest.TaskSpec;
import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.manifest.TaskArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Masks the secret values in the arguments of a task that is already running, which may have been
 * started by an older or newer launcher than this one: parsed with the manifest when they still
 * parse, else every value of an option whose name looks secret.
 */
final class ArgumentMask {
  private ArgumentMask() {}

  static List<String> redact(TaskManifest manifest, String task, List<String> args) {
    Optional<TaskSpec> spec = manifest.find(task);
    if (spec.isPresent()) {
      try {
        return TaskArguments.check(spec.get(), args, List.of()).redacted();
      } catch (LauncherException e) {
        // Arguments of another version of the task: fall back to the option names.
      }
    }
    return byName(args);
  }

  private static List<String> byName(List<String> args) {
    List<String> shown = new ArrayList<>(args.size());
    boolean maskNext = false;
    for (String arg : args) {
      if (maskNext && !arg.startsWith("-")) {
        shown.add(Secrets.MASK);
        maskNext = false;
        continue;
      }
      maskNext = false;
      int eq = arg.indexOf('=');
      if (arg.startsWith("-") && eq > 0 && Secrets.looksSecret(arg.substring(0, eq))) {
        shown.add(arg.substring(0, eq + 1) + Secrets.MASK);
      } else {
        shown.add(arg);
        maskNext = arg.startsWith("-") && eq < 0 && Secrets.looksSecret(arg);
      }
    }
    return shown;
  }
}
