package dev.runtask.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.runtask.launcher.exit.LauncherException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ecspresso-style placeholders inside JSON string values: {@code {{ must_env "NAME" }}}, {@code {{
 * env "NAME" "default" }}} and {@code {{ image_tag }}}. Rendering happens on the parsed tree, so a
 * value containing quotes or newlines can never break the JSON around it.
 */
public final class Templates {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([a-z_]+)((?:\\s+\"[^\"]*\")*)\\s*}}");
  private static final Pattern ARGUMENT = Pattern.compile("\"([^\"]*)\"");

  private final Map<String, String> env;
  private final String imageTag;

  public Templates(Map<String, String> env, String imageTag) {
    this.env = env;
    this.imageTag = imageTag;
  }

  /**
   * Renders every string value of {@code node} in place; {@code file} names the source in errors.
   */
  public JsonNode render(JsonNode node, String file) {
    walk(node, file, "");
    return node;
  }

  private void walk(JsonNode node, String file, String path) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (field.getValue().isTextual()) {
          field.setValue(TextNode.valueOf(renderString(field.getValue().asText(), file, at)));
        } else {
          walk(field.getValue(), file, at);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String at = path + "[" + i + "]";
        if (array.get(i).isTextual()) {
          array.set(i, TextNode.valueOf(renderString(array.get(i).asText(), file, at)));
        } else {
          walk(array.get(i), file, at);
        }
      }
    }
  }

  String renderString(String text, String file, String path) {
    if (!text.contains("{{")) {
      return text;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(apply(m.group(1), arguments(m.group(2)), file, path)));
    }
    m.appendTail(out);
    if (out.indexOf("{{") >= 0) {
      throw LauncherException.badInput(
          file
              + ": "
              + path
              + ": cannot read placeholder in \""
              + text
              + "\" (expected {{ must_env \"NAME\" }}, {{ env \"NAME\" \"default\" }} or {{ image_tag }})");
    }
    return out.toString();
  }

  private String apply(String function, List<String> args, String file, String path) {
    switch (function) {
      case "must_env" -> {
        expectArgs(function, args, 1, file, path);
        String value = env.get(args.get(0));
        if (value == null || value.isEmpty()) {
          throw LauncherException.badInput(
              file
                  + ": "
                  + path
                  + ": environment variable "
                  + args.get(0)
                  + " is not set (required by {{ must_env \""
                  + args.get(0)
                  + "\" }})");
        }
        return value;
      }
      case "env" -> {
        expectArgs(function, args, 2, file, path);
        String value = env.get(args.get(0));
        return value == null || value.isEmpty() ? args.get(1) : value;
      }
      case "image_tag" -> {
        expectArgs(function, args, 0, file, path);
        if (imageTag == null) {
          throw LauncherException.badInput(
              file
                  + ": "
                  + path
                  + ": {{ image_tag }}: this launcher was built"
                  + " outside git, so it knows no commit — pass --image-tag");
        }
        return imageTag;
      }
      default ->
          throw LauncherException.badInput(
              file
                  + ": "
                  + path
                  + ": unknown template function \""
                  + function
                  + "\" (known: must_env, env, image_tag)");
    }
  }

  private static void expectArgs(
      String function, List<String> args, int n, String file, String path) {
    if (args.size() != n) {
      throw LauncherException.badInput(
          file
              + ": "
              + path
              + ": {{ "
              + function
              + " }} takes "
              + n
              + " quoted argument(s), got "
              + args.size());
    }
  }

  private static List<String> arguments(String group) {
    List<String> args = new ArrayList<>();
    Matcher m = ARGUMENT.matcher(group == null ? "" : group);
    while (m.find()) {
      args.add(m.group(1));
    }
    return args;
  }
}
