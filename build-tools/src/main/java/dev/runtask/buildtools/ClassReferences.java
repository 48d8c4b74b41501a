package dev.runtask.buildtools;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a class file refers to, from its constant pool: class entries and every class named
 * in a descriptor or signature (fields, methods, method handles of {@code X::builder}).
 */
final class ClassReferences {
  private static final Pattern IN_DESCRIPTOR = Pattern.compile("L([\\w/$]+)[;<]");

  private ClassReferences() {}

  /** Internal names ({@code a/b/C}) of the classes {@code classFile} refers to. */
  static Set<String> of(byte[] classFile) {
    ByteBuffer in = ByteBuffer.wrap(classFile);
    if (in.getInt() != 0xCAFEBABE) {
      throw new IllegalArgumentException("not a class file");
    }
    in.getShort();
    in.getShort();
    int count = Short.toUnsignedInt(in.getShort());
    String[] utf8 = new String[count];
    List<Integer> classEntries = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = Byte.toUnsignedInt(in.get());
      switch (tag) {
        case 1 -> {
          byte[] bytes = new byte[Short.toUnsignedInt(in.getShort())];
          in.get(bytes);
          utf8[i] = new String(bytes, StandardCharsets.UTF_8);
        }
        case 7 -> classEntries.add(Short.toUnsignedInt(in.getShort()));
        case 8, 16, 19, 20 -> in.getShort();
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.getInt();
        case 15 -> {
          in.get();
          in.getShort();
        }
        case 5, 6 -> {
          in.getLong();
          i++;
        }
        default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
      }
    }
    Set<String> names = new HashSet<>();
    for (int index : classEntries) {
      String name = utf8[index];
      if (name.startsWith("[")) {
        Matcher m = IN_DESCRIPTOR.matcher(name);
        while (m.find()) {
          names.add(m.group(1));
        }
      } else {
        names.add(name);
      }
    }
    for (String text : utf8) {
      if (text != null) {
        Matcher m = IN_DESCRIPTOR.matcher(text);
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }
}
