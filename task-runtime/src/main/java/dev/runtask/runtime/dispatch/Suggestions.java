package dev.runtask.runtime.dispatch;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean" candidates: known words within a small edit distance of what was typed. */
final class Suggestions {
  private Suggestions() {}

  /** Up to three candidates, closest first; typos of up to a third of the word's length. */
  static List<String> closest(String typed, Collection<String> known) {
    int limit = Math.max(2, typed.length() / 3);
    return known.stream()
        .filter(k -> distance(typed, k) <= limit || k.startsWith(typed) || k.contains(typed))
        .sorted(Comparator.comparingInt((String k) -> distance(typed, k)).thenComparing(k -> k))
        .limit(3)
        .toList();
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
