package dev.runtask.contract;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean …?" for anything typed by name (tasks, options, environments, config keys): one
 * rule for the launcher and the runtime. Case and leading dashes are ignored; a candidate is close
 * when its edit distance (a swapped pair of letters counts as one edit) is at most a third of the
 * typed length (at least 2; 1 for three characters or fewer), or when it contains what was typed
 * (four characters or more).
 */
public final class DidYouMean {
  private static final int MAX_CANDIDATES = 3;

  private DidYouMean() {}

  /** Up to three candidates, closest first (then alphabetically); empty when none is close. */
  public static List<String> closest(String typed, Collection<String> known) {
    if (typed == null) {
      return List.of();
    }
    String word = normalize(typed);
    int limit = word.length() <= 3 ? 1 : Math.max(2, word.length() / 3);
    return known.stream()
        .distinct()
        .filter(
            k -> {
              String candidate = normalize(k);
              return distance(word, candidate) <= limit
                  || word.length() >= 4 && candidate.contains(word);
            })
        .sorted(
            Comparator.comparingInt((String k) -> distance(word, normalize(k)))
                .thenComparing(k -> k))
        .limit(MAX_CANDIDATES)
        .toList();
  }

  /** {@code " — did you mean \"a\"?"} (or {@code "a" or "b"}), or "" when nothing is close. */
  public static String suffix(String typed, Collection<String> known) {
    List<String> candidates = closest(typed, known);
    if (candidates.isEmpty()) {
      return "";
    }
    return " — did you mean \"" + String.join("\" or \"", candidates) + "\"?";
  }

  private static String normalize(String name) {
    int start = 0;
    while (start < name.length() - 1 && name.charAt(start) == '-') {
      start++;
    }
    return name.substring(start).toLowerCase(Locale.ROOT);
  }

  /** Edit distance counting a swap of two neighbours as one edit (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
