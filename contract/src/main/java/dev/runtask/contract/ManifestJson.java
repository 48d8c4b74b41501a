package dev.runtask.contract;

import dev.runtask.contract.TaskManifest.OptionSpec;
import dev.runtask.contract.TaskManifest.PositionalSpec;
import dev.runtask.contract.TaskManifest.TaskSpec;
import dev.runtask.contract.TaskManifest.ValueSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task manifest's JSON form (docs/CONTRACTS.md): the one writer (the tasks build) and the one
 * reader (the launcher). Keys that are false, empty or absent by default are left out when writing;
 * unknown keys are ignored when reading, so an older launcher reads a newer manifest.
 */
public final class ManifestJson {
  /** Where the manifest lives in tasks.jar and launcher.jar. */
  public static final String RESOURCE = "META-INF/runtask/task-manifest.json";

  private ManifestJson() {}

  /** The manifest as indented JSON, ending with a newline. */
  public static String write(TaskManifest manifest) {
    List<Object> tasks = new ArrayList<>();
    for (TaskSpec task : manifest.tasks()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("name", task.name());
      t.put("description", task.description());
      t.put("singleInstance", task.singleInstance());
      List<Object> options = new ArrayList<>();
      for (OptionSpec option : task.options()) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("names", option.names());
        writeValue(option.value(), o);
        putIfTrue(o, "negatable", option.negatable());
        o.put("secret", option.secret());
        options.add(o);
      }
      t.put("options", options);
      List<Object> positionals = new ArrayList<>();
      for (PositionalSpec positional : task.positionals()) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("index", positional.index());
        writeValue(positional.value(), p);
        positionals.add(p);
      }
      t.put("positionals", positionals);
      tasks.add(t);
    }
    return JsonText.write(Map.of("tasks", tasks)) + "\n";
  }

  private static void writeValue(ValueSpec v, Map<String, Object> out) {
    out.put("type", v.type());
    if (!v.auxiliaryTypes().isEmpty()) {
      out.put("auxiliaryTypes", v.auxiliaryTypes());
    }
    out.put("arity", v.arity());
    putIfTrue(out, "arityInferred", v.arityInferred());
    out.put("required", v.required());
    if (v.defaultValue() != null) {
      out.put("defaultValue", v.defaultValue());
    }
    out.put("paramLabel", v.paramLabel());
    out.put("description", v.description());
    if (!v.values().isEmpty()) {
      out.put("values", v.values());
    }
    if (v.split() != null) {
      out.put("split", v.split());
    }
    putIfTrue(out, "customConverter", v.customConverter());
  }

  private static void putIfTrue(Map<String, Object> out, String key, boolean value) {
    if (value) {
      out.put(key, true);
    }
  }

  /** Reads a manifest; {@code source} names it in errors ({@link ManifestFormatException}). */
  public static TaskManifest read(String text, String source) {
    Node root = new Node(JsonText.parse(text, source), source, "");
    List<TaskSpec> tasks = new ArrayList<>();
    for (Node t : root.objects("tasks")) {
      String name = t.text("name", true);
      List<OptionSpec> options = new ArrayList<>();
      for (Node o : t.objects("options")) {
        options.add(
            new OptionSpec(
                o.texts("names", true), readValue(o), o.bool("negatable"), o.bool("secret")));
      }
      List<PositionalSpec> positionals = new ArrayList<>();
      for (Node p : t.objects("positionals")) {
        positionals.add(new PositionalSpec(p.text("index", true), readValue(p)));
      }
      tasks.add(
          new TaskSpec(
              name, t.textOr("description", ""), t.bool("singleInstance"), options, positionals));
    }
    return new TaskManifest(tasks);
  }

  private static ValueSpec readValue(Node n) {
    return new ValueSpec(
        n.text("type", true),
        n.texts("auxiliaryTypes", false),
        n.text("arity", true),
        n.bool("arityInferred"),
        n.bool("required"),
        n.text("defaultValue", false),
        n.textOr("paramLabel", ""),
        n.textOr("description", ""),
        n.texts("values", false),
        n.text("split", false),
        n.bool("customConverter"));
  }

  /** One JSON object of the manifest, with the path to it for error messages. */
  private record Node(Object value, String source, String path) {
    private Map<?, ?> map() {
      if (!(value instanceof Map<?, ?> map)) {
        throw error(path.isEmpty() ? "(top level)" : path, "an object");
      }
      return map;
    }

    String text(String key, boolean required) {
      Object v = map().get(key);
      if (v == null) {
        if (required) {
          throw error(at(key), "a string");
        }
        return null;
      }
      if (!(v instanceof String s)) {
        throw error(at(key), "a string");
      }
      return s;
    }

    String textOr(String key, String fallback) {
      String v = text(key, false);
      return v == null ? fallback : v;
    }

    boolean bool(String key) {
      Object v = map().get(key);
      if (v != null && !(v instanceof Boolean)) {
        throw error(at(key), "true or false");
      }
      return Boolean.TRUE.equals(v);
    }

    List<String> texts(String key, boolean required) {
      List<String> out = new ArrayList<>();
      for (Object item : list(key, required)) {
        if (!(item instanceof String s)) {
          throw error(at(key), "a list of strings");
        }
        out.add(s);
      }
      return out;
    }

    List<Node> objects(String key) {
      List<Node> out = new ArrayList<>();
      List<?> items = list(key, false);
      for (int i = 0; i < items.size(); i++) {
        Node item = new Node(items.get(i), source, at(key) + "[" + i + "]");
        item.map();
        out.add(item);
      }
      return out;
    }

    private List<?> list(String key, boolean required) {
      Object v = map().get(key);
      if (v == null && !required) {
        return List.of();
      }
      if (!(v instanceof List<?> list)) {
        throw error(at(key), "a list");
      }
      return list;
    }

    private String at(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    private ManifestFormatException error(String where, String expected) {
      return new ManifestFormatException(source + ": \"" + where + "\": expected " + expected);
    }
  }
}
