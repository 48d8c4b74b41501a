package dev.runtask.runtime.index;

import java.util.List;

/**
 * The Java source of {@link CompiledIndex#CLASS_NAME}: a {@code Supplier<String[]>} of the index
 * lines, so that it depends on nothing but the JDK.
 */
final class CompiledIndexSource {
  /**
   * Each line is one string constant (at most 65,535 bytes in a class file) and one array store (a
   * method's code is at most 64 kB); past these the compilation writes no class and the runtime
   * reads the resource.
   */
  static final int MAX_LINES = 4_000;

  static final int MAX_LINE_LENGTH = 20_000;

  private CompiledIndexSource() {}

  static boolean fits(List<String> lines) {
    return lines.size() <= MAX_LINES
        && lines.stream().allMatch(line -> line.length() <= MAX_LINE_LENGTH);
  }

  static String render(List<String> lines) {
    String name = CompiledIndex.CLASS_NAME;
    int dot = name.lastIndexOf('.');
    StringBuilder out = new StringBuilder();
    out.append("package ").append(name, 0, dot).append(";\n\n");
    out.append("/** The task index of this compilation (").append(TaskIndex.RESOURCE);
    out.append("), written by TaskIndexProcessor. */\n");
    out.append("@javax.annotation.processing.Generated(\"")
        .append(TaskIndexProcessor.class.getName())
        .append("\")\n");
    out.append("public final class ").append(name.substring(dot + 1));
    out.append(" implements java.util.function.Supplier<String[]> {\n");
    out.append("  @Override\n  public String[] get() {\n    return new String[] {\n");
    for (String line : lines) {
      out.append("      ").append(literal(line)).append(",\n");
    }
    out.append("    };\n  }\n}\n");
    return out.toString();
  }

  /**
   * A Java string literal of {@code value}, in ASCII. Line terminators and other control characters
   * are octal escapes: a {@code \}{@code u} escape of one would end the literal, since the compiler
   * translates those before it reads the source.
   */
  static String literal(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append('\\').append(Integer.toOctalString(c | 0x200).substring(1));
      } else if (c > 0x7e) {
        out.append("\\u").append(Integer.toHexString(c | 0x10000).substring(1));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
