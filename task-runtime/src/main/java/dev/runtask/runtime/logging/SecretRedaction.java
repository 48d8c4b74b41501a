package dev.runtask.runtime.logging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Hides the values of options whose names look secret, wherever arguments are logged or stored. */
public final class SecretRedaction {
  public static final String MASK = "****";
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|passwd|secret|token|key|credential).*");

  private SecretRedaction() {}

  /** True when an option name such as {@code --api-token} looks like it carries a secret. */
  public static boolean looksSecret(String optionName) {
    return SECRET_NAME.matcher(optionName).matches();
  }

  /**
   * Returns {@code args} with the values of secret-looking options masked, in both the {@code
   * --token=VALUE} and the {@code --token VALUE} forms. {@code valueTakingOptions} names the
   * options that take a separate value (so a flag is never mistaken for one).
   */
  public static List<String> redactArgs(List<String> args, Collection<String> valueTakingOptions) {
    List<String> redacted = new ArrayList<>(args.size());
    boolean maskNext = false;
    boolean afterDoubleDash = false;
    for (String arg : args) {
      if (maskNext) {
        redacted.add(MASK);
        maskNext = false;
      } else if (afterDoubleDash || !arg.startsWith("-")) {
        redacted.add(arg);
      } else if (arg.equals("--")) {
        afterDoubleDash = true;
        redacted.add(arg);
      } else {
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg : arg.substring(0, eq);
        if (looksSecret(name) && eq >= 0) {
          redacted.add(name + "=" + MASK);
        } else {
          redacted.add(arg);
          maskNext = eq < 0 && looksSecret(name) && valueTakingOptions.contains(name);
        }
      }
    }
    return redacted;
  }
}
