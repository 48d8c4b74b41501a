package dev.runtask.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtask.contract.DidYouMean;
import dev.runtask.launcher.exit.LauncherException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads small config objects from a JSON tree by hand. Jackson's data binding would do it too, but
 * its introspection machinery costs a noticeable share of a short launcher run's start-up; these
 * few fields are cheap to read directly, with errors that name the file and key.
 */
public final class JsonReader {
  private final JsonNode node;
  private final String file;
  private final String path;

  public JsonReader(JsonNode node, String file, String path) {
    this.node = node;
    this.file = file;
    this.path = path;
  }

  /** Refuses keys outside {@code known}, suggesting the closest one. */
  public JsonReader onlyKeys(Set<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw LauncherException.badInput(
            file
                + ": unknown key \""
                + at(name)
                + "\""
                + DidYouMean.suffix(name, known)
                + " (known: "
                + String.join(", ", new TreeSet<>(known))
                + ")");
      }
    }
    return this;
  }

  public String text(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw bad(key, "a string");
    }
    return v.asText();
  }

  public Integer integer(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.canConvertToInt()) {
      throw bad(key, "an integer");
    }
    return v.intValue();
  }

  /** An integer of at least 1, or {@code absent} when the key is missing. */
  public int positiveInteger(String key, int absent) {
    Integer v = integer(key);
    if (v == null) {
      return absent;
    }
    if (v < 1) {
      throw bad(key, "an integer of at least 1, got " + v);
    }
    return v;
  }

  public boolean bool(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw bad(key, "true or false");
    }
    return v.booleanValue();
  }

  public List<String> texts(String key) {
    List<String> out = new ArrayList<>();
    for (JsonReader item : objects(key, false)) {
      out.add(item.node.asText());
    }
    return node.has(key) && !node.get(key).isNull() ? out : null;
  }

  public List<JsonReader> objects(String key) {
    return node.has(key) && !node.get(key).isNull() ? objects(key, true) : null;
  }

  private List<JsonReader> objects(String key, boolean objects) {
    JsonNode v = node.get(key);
    List<JsonReader> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw bad(key, "a list");
    }
    for (int i = 0; i < v.size(); i++) {
      if (objects ? !v.get(i).isObject() : !v.get(i).isValueNode()) {
        throw bad(key + "[" + i + "]", objects ? "an object" : "a string");
      }
      out.add(new JsonReader(v.get(i), file, at(key + "[" + i + "]")));
    }
    return out;
  }

  public JsonReader object(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw bad(key, "an object");
    }
    return new JsonReader(v, file, at(key));
  }

  public Map<String, String> stringMap(String key) {
    JsonReader map = object(key);
    if (map == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    map.node.fieldNames().forEachRemaining(name -> out.put(name, map.text(name)));
    return out;
  }

  /** The error for a key this file no longer takes: where it went instead. */
  public LauncherException moved(String key, String instead) {
    return LauncherException.badInput(
        file + ": \"" + at(key) + "\" is no longer read here: " + instead);
  }

  private String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private LauncherException bad(String key, String expected) {
    return LauncherException.badInput(file + ": \"" + at(key) + "\": expected " + expected);
  }
}
