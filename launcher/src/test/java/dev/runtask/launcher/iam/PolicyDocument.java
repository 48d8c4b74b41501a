package dev.runtask.launcher.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An IAM policy file of this project, read for assertions, with a small evaluator for the subset of
 * the policy language the files use (Allow, Action/Resource wildcards, Arn/String Equals/Like).
 */
final class PolicyDocument {

  /** One statement; actions lower-cased (IAM compares them case-insensitively). */
  record Statement(
      String sid,
      String effect,
      List<String> actions,
      List<String> resources,
      JsonNode condition,
      boolean hasNegations) {

    boolean allows(String action) {
      return "Allow".equals(effect) && actions.contains(action.toLowerCase(Locale.ROOT));
    }

    /** The value(s) of a condition key under the given operator, empty when absent. */
    List<String> conditionValues(String operator, String key) {
      return condition == null ? List.of() : strings(condition.path(operator).get(key));
    }

    boolean allows(String action, String resource, Map<String, String> context) {
      return allows(action)
          && resources.stream().anyMatch(r -> wildcard(r).matcher(resource).matches())
          && conditionsHold(context);
    }

    private boolean conditionsHold(Map<String, String> context) {
      if (condition == null) {
        return true;
      }
      for (Map.Entry<String, JsonNode> op : condition.properties()) {
        for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
          String actual = context.get(key.getKey());
          if (actual == null || !holds(op.getKey(), strings(key.getValue()), actual)) {
            return false;
          }
        }
      }
      return true;
    }

    private static boolean holds(String operator, List<String> expected, String actual) {
      return switch (operator) {
        case "StringEquals" -> expected.contains(actual);
        case "StringLike", "ArnEquals", "ArnLike" ->
            expected.stream().anyMatch(e -> wildcard(e).matcher(actual).matches());
        default -> false; // an operator this evaluator does not know never grants anything here
      };
    }
  }

  final Path file;
  final List<Statement> statements;
  private final String text;

  private PolicyDocument(Path file, String text) {
    this.file = file;
    this.text = text;
    try {
      JsonNode root = new ObjectMapper().readTree(text);
      List<Statement> list = new ArrayList<>();
      for (JsonNode s : root.path("Statement")) {
        list.add(
            new Statement(
                s.path("Sid").asText(),
                s.path("Effect").asText(),
                strings(s.get("Action")).stream().map(a -> a.toLowerCase(Locale.ROOT)).toList(),
                strings(s.get("Resource")),
                s.get("Condition"),
                s.has("NotAction") || s.has("NotResource") || s.has("NotPrincipal")));
      }
      this.statements = List.copyOf(list);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": not JSON", e);
    }
  }

  /** Reads {@code iam/NAME} of the repository this test runs in. */
  static PolicyDocument load(String name) {
    Path file = repositoryRoot().resolve("iam").resolve(name);
    try {
      return new PolicyDocument(file, Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * This policy with its placeholders (REGION, ACCOUNT_ID, ENVIRONMENT) replaced, as README says.
   */
  PolicyDocument filled(Map<String, String> placeholders) {
    String filled = text;
    for (Map.Entry<String, String> p : placeholders.entrySet()) {
      filled = filled.replace(p.getKey(), p.getValue());
    }
    return new PolicyDocument(file, filled);
  }

  String version() {
    try {
      return new ObjectMapper().readTree(text).path("Version").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> allActions() {
    return statements.stream().flatMap(s -> s.actions().stream()).distinct().toList();
  }

  List<Statement> statementsAllowing(String action) {
    return statements.stream().filter(s -> s.allows(action)).toList();
  }

  /**
   * Whether some statement allows the action on the resource, given the request's condition keys.
   */
  boolean allows(String action, String resource, Map<String, String> context) {
    return statements.stream().anyMatch(s -> s.allows(action, resource, context));
  }

  /**
   * The folder holding iam/: the working directory (launcher/ under Surefire) or a parent of it.
   */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("iam/operator-policy.json"))) {
        return d;
      }
    }
    throw new IllegalStateException("no iam/operator-policy.json in " + dir + " or its parents");
  }

  /** IAM's wildcards: '*' any run of characters (':' and '/' included), '?' one character. */
  static Pattern wildcard(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("(?<=[*?])|(?=[*?])")) {
      regex.append(
          switch (part) {
            case "*" -> ".*";
            case "?" -> ".";
            default -> Pattern.quote(part);
          });
    }
    return Pattern.compile(regex.toString());
  }

  static List<String> strings(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return List.of();
    }
    if (node.isArray()) {
      List<String> values = new ArrayList<>();
      node.forEach(v -> values.add(v.asText()));
      return List.copyOf(values);
    }
    return List.of(node.asText());
  }
}
