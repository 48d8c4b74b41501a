package dev.runtask.launcher.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtask.launcher.exit.LauncherException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The task sizes Fargate runs (AWS: "Task CPU and memory", checked 2026-12-01): a task-level cpu
 * and the memory values each cpu allows, in MiB. RegisterTaskDefinition refuses anything else,
 * after the launcher has already asked who the caller is; checking here refuses it before any call.
 */
public final class FargateSizes {
  /** cpu units → valid memory (MiB), from AWS's table. */
  private static final Map<Integer, List<Integer>> MEMORY_BY_CPU = new LinkedHashMap<>();

  static {
    MEMORY_BY_CPU.put(256, List.of(512, 1024, 2048));
    MEMORY_BY_CPU.put(512, steps(1024, 4096, 1024));
    MEMORY_BY_CPU.put(1024, steps(2048, 8192, 1024));
    MEMORY_BY_CPU.put(2048, steps(4096, 16384, 1024));
    MEMORY_BY_CPU.put(4096, steps(8192, 30720, 1024));
    MEMORY_BY_CPU.put(8192, steps(16384, 61440, 4096));
    MEMORY_BY_CPU.put(16384, steps(32768, 122880, 8192));
  }

  // ECS also takes "1 vCPU" / ".25 vcpu" and "1GB" / "2 GB" (converted when registered).
  private static final Pattern SIZE =
      Pattern.compile("\\s*(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(vcpu|gb)?\\s*", Pattern.CASE_INSENSITIVE);

  private FargateSizes() {}

  /**
   * Refuses (exit 2) a definition whose task-level cpu/memory Fargate has no size for; {@code
   * where} names the file(s) they came from.
   */
  public static void check(JsonNode definition, String where) {
    String cpuText = text(definition.get("cpu"));
    String memoryText = text(definition.get("memory"));
    if (cpuText == null || memoryText == null) {
      throw LauncherException.badInput(
          where
              + ": Fargate needs a task-level \""
              + (cpuText == null ? "cpu" : "memory")
              + "\" (e.g. \"cpu\": \"256\", \"memory\": \"512\")");
    }
    Integer cpu = units(cpuText, "vcpu");
    List<Integer> memories = cpu == null ? null : MEMORY_BY_CPU.get(cpu);
    if (memories == null) {
      throw LauncherException.badInput(
          where
              + ": Fargate has no cpu \""
              + cpuText
              + "\": use one of "
              + join(new ArrayList<>(MEMORY_BY_CPU.keySet())));
    }
    Integer memory = units(memoryText, "gb");
    if (memory == null || !memories.contains(memory)) {
      throw LauncherException.badInput(
          where
              + ": Fargate cpu "
              + cpu
              + " takes memory "
              + join(memories)
              + " (MiB), not \""
              + memoryText
              + "\"");
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
  }

  /** The value in ECS units (cpu units, MiB): "1 vCPU" is 1024, "2GB" 2048; null if unreadable. */
  private static Integer units(String text, String bigUnit) {
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      return null;
    }
    double value = Double.parseDouble(m.group(1));
    if (m.group(2) != null) {
      if (!m.group(2).toLowerCase(Locale.ROOT).equals(bigUnit)) {
        return null;
      }
      value *= 1024;
    }
    return value == Math.rint(value) ? (int) value : null;
  }

  private static List<Integer> steps(int from, int to, int step) {
    List<Integer> values = new ArrayList<>();
    for (int v = from; v <= to; v += step) {
      values.add(v);
    }
    return values;
  }

  private static String join(List<Integer> values) {
    if (values.size() > 6 && values.get(1) - values.get(0) == values.get(2) - values.get(1)) {
      return values.get(0)
          + " to "
          + values.get(values.size() - 1)
          + " in steps of "
          + (values.get(1) - values.get(0));
    }
    List<String> words = values.stream().map(String::valueOf).toList();
    return String.join(", ", words.subList(0, words.size() - 1))
        + " or "
        + words.get(words.size() - 1);
  }
}
