package dev.runtask.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which options carry secrets, and how their values are hidden wherever arguments are shown, logged
 * or recorded.
 */
public final class Secrets {
  /** What a secret value is replaced with. */
  public static final String MASK = "****";

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|passwd|secret|token|key|credential).*");

  private Secrets() {}

  /** True when an option name such as {@code --api-token} looks like it carries a secret. */
  public static boolean looksSecret(String optionName) {
    return SECRET_NAME.matcher(optionName).matches();
  }

  /**
   * {@code args} with every given secret value masked, whichever way it was passed: as its own
   * argument ({@code --token VALUE}), attached ({@code --token=VALUE}, {@code -tVALUE}) or at the
   * end of clustered short options ({@code -vtVALUE}). The values are what the parser matched, so
   * nothing here has to guess how the arguments were read.
   */
  public static List<String> redact(List<String> args, Collection<String> secretValues) {
    List<String> redacted = new ArrayList<>(args.size());
    for (String arg : args) {
      redacted.add(redact(arg, secretValues));
    }
    return redacted;
  }

  private static String redact(String arg, Collection<String> secretValues) {
    for (String value : secretValues) {
      if (value.isEmpty()) {
        continue;
      }
      if (arg.equals(value)) {
        return MASK;
      }
      if (arg.startsWith("-") && arg.endsWith(value) && arg.length() > value.length()) {
        return arg.substring(0, arg.length() - value.length()) + MASK;
      }
    }
    return arg;
  }
}
