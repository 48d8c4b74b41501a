package dev.runtask.buildtools;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Build step: removes from a shaded jar the AWS SDK model and marshaller classes that no operation
 * it calls can reach. For each service package {@code software/amazon/awssdk/services/S/}:
 *
 * <ul>
 *   <li>kept and followed: every class outside {@code model/} and {@code transform/}; the request,
 *       response and marshaller of each operation called; every exception (the client registers
 *       them all);
 *   <li>kept, not followed: the request and response classes of the other operations (the client's
 *       method signatures name them, so the class verifier or reflection may load them; nothing
 *       else can);
 *   <li>dropped, though the client's code names them: the other operations' marshallers and the
 *       nested classes (builders) of their requests and responses. Only the code of the client's
 *       method for that operation creates them ({@code new XRequestMarshaller}, {@code
 *       XRequest.builder()}), the verifier checks those uses by name (interfaces and {@code new}
 *       load nothing), and that code never runs;
 *   <li>dropped: the model classes nothing kept and followed reaches.
 * </ul>
 *
 * <p>Usage: {@code SdkJarTrimmer JAR CLASS#FIELD...}, where each static field lists calls as IAM
 * names them ({@code ecs:RunTask}). A service in the jar that none of them names fails the step.
 */
public final class SdkJarTrimmer {
  private static final String SERVICES = "software/amazon/awssdk/services/";
  private static final Pattern SHAPE =
      Pattern.compile(SERVICES + "(\\w+)/(model|transform)/([\\w$]+)\\.class");
  private static final Pattern MARSHALLER = Pattern.compile("(\\w+)RequestMarshaller");
  private static final Map<String, String> PACKAGE_OF_IAM_PREFIX = Map.of("logs", "cloudwatchlogs");

  private SdkJarTrimmer() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: SdkJarTrimmer JAR CLASS#FIELD...");
    }
    Path jar = Path.of(args[0]);
    List<String> actions = new ArrayList<>();
    for (String list : List.of(args).subList(1, args.length)) {
      actions.addAll(listedCalls(list));
    }
    Set<String> dropped = trim(jar, actions);
    System.out.println(
        "SdkJarTrimmer: removed " + dropped.size() + " unreachable SDK classes from " + jar);
  }

  private static Collection<String> listedCalls(String source) throws ReflectiveOperationException {
    String[] parts = source.split("#", 2);
    if (parts.length != 2) {
      throw new IllegalArgumentException("expected CLASS#FIELD, got " + source);
    }
    Field field = Class.forName(parts[0]).getField(parts[1]);
    @SuppressWarnings("unchecked")
    Collection<String> calls = (Collection<String>) field.get(null);
    return calls;
  }

  /** Rewrites {@code jar} without the unreachable classes; returns the entries removed. */
  static Set<String> trim(Path jar, Collection<String> actions) throws IOException {
    Set<String> dropped;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      dropped = unreachable(zip, callsByPackage(actions));
    }
    JarRewrite.without(jar, dropped::contains);
    return dropped;
  }

  private static Map<String, Set<String>> callsByPackage(Collection<String> actions) {
    Map<String, Set<String>> calls = new HashMap<>();
    for (String action : actions) {
      String[] parts = action.split(":", 2);
      String pkg = PACKAGE_OF_IAM_PREFIX.getOrDefault(parts[0], parts[0]);
      calls.computeIfAbsent(pkg, p -> new HashSet<>()).add(parts[1]);
    }
    return calls;
  }

  private static Set<String> unreachable(ZipFile zip, Map<String, Set<String>> calls)
      throws IOException {
    Set<String> classes = new TreeSet<>();
    zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")).forEach(classes::add);
    Set<String> operations = new HashSet<>();
    for (String name : classes) {
      Matcher shape = SHAPE.matcher(name);
      if (shape.matches() && shape.group(2).equals("transform")) {
        String operation = operation("transform", shape.group(3));
        if (operation != null) {
          operations.add(shape.group(1) + "/" + operation);
        }
      }
    }
    Set<String> stubs = new HashSet<>();
    Set<String> uncalledCode = new HashSet<>();
    Deque<String> roots = new ArrayDeque<>();
    for (String name : classes) {
      Matcher shape = SHAPE.matcher(name);
      if (!shape.matches()) {
        roots.add(name);
        continue;
      }
      String pkg = shape.group(1);
      if (!calls.containsKey(pkg)) {
        throw new IllegalStateException(
            "the jar holds the SDK's " + pkg + " service, but no listed call uses it: " + calls);
      }
      String simple = shape.group(3);
      String operation = operation(shape.group(2), simple);
      if (operation != null && !operations.contains(pkg + "/" + operation)) {
        // Not an operation's class (the service's own base request, say): a plain model class.
        operation = null;
      }
      if (simple.matches("\\w*Exception(\\$.*)?")) {
        roots.add(name);
      } else if (operation != null && calls.get(pkg).contains(operation)) {
        roots.add(name);
      } else if (operation != null && shape.group(2).equals("model") && !simple.contains("$")) {
        stubs.add(name);
      } else if (operation != null) {
        uncalledCode.add(name);
      }
    }
    Set<String> reached = new HashSet<>(stubs);
    while (!roots.isEmpty()) {
      String name = roots.pop();
      if (!reached.add(name)) {
        continue;
      }
      for (String ref : ClassReferences.of(zip.getInputStream(zip.getEntry(name)).readAllBytes())) {
        String file = ref + ".class";
        if (classes.contains(file) && !reached.contains(file) && !uncalledCode.contains(file)) {
          roots.push(file);
        }
      }
    }
    Set<String> dropped = new HashSet<>();
    for (String name : classes) {
      if (SHAPE.matcher(name).matches() && !reached.contains(name)) {
        dropped.add(name);
      }
    }
    return dropped;
  }

  /** The operation a request, response or marshaller class belongs to, else null. */
  private static String operation(String kind, String simple) {
    String top = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
    if (kind.equals("transform")) {
      Matcher m = MARSHALLER.matcher(top);
      return m.matches() ? m.group(1) : null;
    }
    for (String suffix : List.of("Request", "Response")) {
      if (top.endsWith(suffix) && top.length() > suffix.length()) {
        return top.substring(0, top.length() - suffix.length());
      }
    }
    return null;
  }
}
