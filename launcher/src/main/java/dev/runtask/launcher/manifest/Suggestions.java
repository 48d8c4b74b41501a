package dev.runtask.launcher.manifest;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** "did you mean …?" for unknown environments, tasks, options and config keys (edit distance). */
public final class Suggestions {
  private Suggestions() {}

  /** " — did you mean \"x\"?" for the closest candidate within a small distance, else "". */
  public static String didYouMean(String input, Collection<String> candidates) {
    if (input == null) {
      return "";
    }
    return candidates.stream()
        .min(Comparator.comparingInt((String c) -> distance(input, c)).thenComparing(c -> c))
        .filter(best -> distance(input, best) <= Math.max(2, best.length() / 3))
        .map(best -> " — did you mean \"" + best + "\"?")
        .orElse("");
  }

  static int distance(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    int[] prev = new int[y.length() + 1];
    int[] cur = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length()];
  }
}
