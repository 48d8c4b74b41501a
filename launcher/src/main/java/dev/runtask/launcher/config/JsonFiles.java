package dev.runtask.launcher.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.runtask.launcher.exit.LauncherException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads JSON config files; a syntax error becomes one line naming file, line and column (exit 2).
 */
public final class JsonFiles {
  /**
   * Duplicate keys are rejected: in a task definition the second one silently winning hides typos.
   */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private JsonFiles() {}

  public static JsonNode read(Path file, Path relativeTo) {
    String shown = display(file, relativeTo);
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw LauncherException.badInput(shown + ": file not found");
    } catch (IOException e) {
      throw LauncherException.badInput(shown + ": cannot read: " + e.getMessage());
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || !node.isObject()) {
        throw LauncherException.badInput(shown + ": expected a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw LauncherException.badInput(
          shown + where + ": malformed JSON: " + e.getOriginalMessage());
    }
  }

  public static String display(Path file, Path relativeTo) {
    Path abs = file.toAbsolutePath().normalize();
    Path base = relativeTo.toAbsolutePath().normalize();
    return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
  }

  public static String pretty(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree always serialises", e);
    }
  }
}
