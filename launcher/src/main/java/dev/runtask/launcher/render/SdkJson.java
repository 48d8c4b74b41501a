package dev.runtask.launcher.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtask.contract.DidYouMean;
import dev.runtask.launcher.exit.LauncherException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Converts between JSON in the AWS wire form (what {@code --cli-input-json} and ecspresso read) and
 * SDK v2 model objects, driven by the SDK's own field metadata, so no field list is written by hand
 * and an unknown key is reported instead of being dropped.
 */
public final class SdkJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SdkJson() {}

  /** Model object → JSON tree, with wire names; unset fields are left out. */
  public static ObjectNode toTree(SdkPojo pojo) {
    ObjectNode node = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      JsonNode json = value == null ? null : toNode(value);
      if (json != null) {
        node.set(name(field), json);
      }
    }
    return node;
  }

  private static JsonNode toNode(Object value) {
    if (value instanceof SdkPojo pojo) {
      return toTree(pojo);
    }
    if (value instanceof List<?> list) {
      if (list instanceof software.amazon.awssdk.core.util.SdkAutoConstructList) {
        return null;
      }
      ArrayNode array = NODES.arrayNode();
      list.forEach(v -> array.add(toNode(v)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      if (map instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap) {
        return null;
      }
      ObjectNode object = NODES.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), toNode(v)));
      return object;
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Instant t) {
      return NODES.textNode(t.toString());
    }
    return NODES.textNode(String.valueOf(value));
  }

  /**
   * JSON tree → model object built with {@code builder}; {@code file} names the source in errors.
   */
  @SuppressWarnings("unchecked")
  public static <T> T fromTree(JsonNode node, SdkPojo builder, String file) {
    fill(builder, node, file, "");
    return (T) ((SdkBuilder<?, ?>) builder).build();
  }

  private static void fill(SdkPojo builder, JsonNode node, String file, String path) {
    if (!node.isObject()) {
      throw LauncherException.badInput(file + ": " + display(path) + ": expected an object");
    }
    Map<String, SdkField<?>> fields = new LinkedHashMap<>();
    builder.sdkFields().forEach(f -> fields.put(name(f), f));
    Iterator<Map.Entry<String, JsonNode>> entries = node.properties().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String at = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
      SdkField<?> field = fields.get(entry.getKey());
      if (field == null) {
        throw LauncherException.badInput(
            file
                + ": unknown key \""
                + at
                + "\""
                + DidYouMean.suffix(entry.getKey(), fields.keySet()));
      }
      if (!entry.getValue().isNull()) {
        field.set(builder, convert(field, entry.getValue(), file, at));
      }
    }
  }

  private static Object convert(SdkField<?> field, JsonNode value, String file, String path) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      SdkPojo nested = field.constructor().get();
      fill(nested, value, file, path);
      return ((SdkBuilder<?, ?>) nested).build();
    }
    if (type == MarshallingType.LIST) {
      expect(value.isArray(), "a list", file, path);
      SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < value.size(); i++) {
        list.add(convert(member, value.get(i), file, path + "[" + i + "]"));
      }
      return list;
    }
    if (type == MarshallingType.MAP) {
      expect(value.isObject(), "an object", file, path);
      SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> map = new LinkedHashMap<>();
      value
          .properties()
          .iterator()
          .forEachRemaining(
              e ->
                  map.put(
                      e.getKey(), convert(member, e.getValue(), file, path + "." + e.getKey())));
      return map;
    }
    if (type == MarshallingType.STRING) {
      expect(value.isValueNode(), "a string", file, path);
      return value.asText();
    }
    if (type == MarshallingType.INTEGER) {
      expect(
          value.canConvertToInt() || value.isTextual() && value.asText().matches("-?\\d+"),
          "an integer",
          file,
          path);
      return value.isTextual() ? Integer.valueOf(value.asText()) : value.intValue();
    }
    if (type == MarshallingType.LONG) {
      expect(value.canConvertToLong(), "an integer", file, path);
      return value.longValue();
    }
    if (type == MarshallingType.BOOLEAN) {
      expect(value.isBoolean(), "true or false", file, path);
      return value.booleanValue();
    }
    if (type == MarshallingType.DOUBLE) {
      expect(value.isNumber(), "a number", file, path);
      return value.doubleValue();
    }
    if (type == MarshallingType.INSTANT) {
      return Instant.parse(value.asText());
    }
    throw LauncherException.badInput(file + ": " + path + ": unsupported field type " + type);
  }

  private static void expect(boolean ok, String what, String file, String path) {
    if (!ok) {
      throw LauncherException.badInput(file + ": " + display(path) + ": expected " + what);
    }
  }

  private static String display(String path) {
    return path.isEmpty() ? "(top level)" : path;
  }

  private static String name(SdkField<?> field) {
    return field.locationName() != null ? field.locationName() : field.memberName();
  }
}
