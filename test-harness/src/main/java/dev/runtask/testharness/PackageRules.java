package dev.runtask.testharness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which package of a source tree may use which (docs/ARCHITECTURE.md): every package needs a rule,
 * every rule a package, every reference to a sibling package must be allowed, and the allowed graph
 * itself must be free of cycles. The root package is called {@code (root)}.
 */
public final class PackageRules {
  /** The name used for the base package itself. */
  public static final String ROOT = "(root)";

  private final Path sourceRoot;
  private final String basePackage;
  private final Map<String, Set<String>> allowed = new LinkedHashMap<>();

  private PackageRules(Path sourceRoot, String basePackage) {
    this.sourceRoot = sourceRoot;
    this.basePackage = basePackage;
  }

  /** Rules for the sources of {@code basePackage} under {@code sourceRoot} (e.g. src/main/java). */
  public static PackageRules of(Path sourceRoot, String basePackage) {
    return new PackageRules(sourceRoot, basePackage);
  }

  /** {@code pkg} (relative to the base package, or {@link #ROOT}) may use {@code uses}. */
  public PackageRules allow(String pkg, String... uses) {
    if (allowed.put(pkg, Set.of(uses)) != null) {
      throw new IllegalArgumentException("two rules for " + pkg);
    }
    return this;
  }

  /** Every broken rule, one line each; empty when the tree follows the rules. */
  public List<String> violations() {
    Map<String, Set<String>> used = scan();
    List<String> problems = new ArrayList<>();
    for (String pkg : used.keySet()) {
      if (!allowed.containsKey(pkg)) {
        problems.add("package " + pkg + " has no rule");
      }
    }
    for (String pkg : allowed.keySet()) {
      if (!used.containsKey(pkg)) {
        problems.add("rule for " + pkg + ", which has no sources");
      }
    }
    used.forEach(
        (pkg, uses) -> {
          for (String other : uses) {
            if (allowed.containsKey(pkg) && !allowed.get(pkg).contains(other)) {
              problems.add(
                  pkg + " uses " + other + " (allowed: " + new TreeSet<>(allowed.get(pkg)) + ")");
            }
          }
        });
    cycle().ifPresent(c -> problems.add("the rules allow a cycle: " + String.join(" → ", c)));
    return problems;
  }

  private Map<String, Set<String>> scan() {
    Path base = sourceRoot.resolve(basePackage.replace('.', '/'));
    Pattern reference =
        Pattern.compile("\\b" + Pattern.quote(basePackage) + "\\.((?:[a-z]\\w*\\.)*)[A-Z]");
    Map<String, Set<String>> used = new TreeMap<>();
    try (Stream<Path> files = Files.walk(base)) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        String pkg = name(base.relativize(file.getParent()).toString().replace('/', '.'));
        Set<String> uses = used.computeIfAbsent(pkg, p -> new TreeSet<>());
        Matcher m = reference.matcher(Files.readString(file));
        while (m.find()) {
          String other =
              m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
          if (!name(other).equals(pkg)) {
            uses.add(name(other));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return used;
  }

  private static String name(String relative) {
    return relative.isEmpty() ? ROOT : relative;
  }

  private java.util.Optional<List<String>> cycle() {
    Set<String> done = new HashSet<>();
    for (String start : allowed.keySet()) {
      List<String> found = visit(start, new ArrayList<>(), done);
      if (found != null) {
        return java.util.Optional.of(found);
      }
    }
    return java.util.Optional.empty();
  }

  private List<String> visit(String pkg, List<String> path, Set<String> done) {
    int at = path.indexOf(pkg);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(pkg);
      return cycle;
    }
    if (done.contains(pkg)) {
      return null;
    }
    path.add(pkg);
    for (String next : allowed.getOrDefault(pkg, Set.of())) {
      List<String> found = visit(next, path, done);
      if (found != null) {
        return found;
      }
    }
    path.remove(path.size() - 1);
    done.add(pkg);
    return null;
  }
}
