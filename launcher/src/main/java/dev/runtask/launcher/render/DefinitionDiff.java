package dev.runtask.launcher.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Path-by-path differences between two normalised definitions, one readable line each. */
public final class DefinitionDiff {
  private DefinitionDiff() {}

  /** Lines like {@code ~ containerDefinitions[0].image: "a" → "b"}; empty when equal. */
  public static List<String> diff(JsonNode registered, JsonNode local) {
    List<String> lines = new ArrayList<>();
    walk("", registered, local, lines);
    return lines;
  }

  private static void walk(String path, JsonNode a, JsonNode b, List<String> out) {
    if (a == null || a.isMissingNode()) {
      out.add("+ " + path + ": " + b);
    } else if (b == null || b.isMissingNode()) {
      out.add("- " + path + ": " + a);
    } else if (a.isObject() && b.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        walk(path.isEmpty() ? k : path + "." + k, a.get(k), b.get(k), out);
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        walk(path + "[" + i + "]", a.get(i), b.get(i), out);
      }
    } else if (!a.equals(b)) {
      out.add("~ " + path + ": " + a + " → " + b);
    }
  }
}
