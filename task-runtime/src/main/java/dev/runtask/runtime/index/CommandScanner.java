package dev.runtask.runtime.index;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * Reads a task's picocli fields at compile time into {@link CommandMember}s, in the order picocli
 * adds them (superclasses first, declaration order, a mixin's options where its field is).
 *
 * <p>An attribute or annotation the index does not record fails the build, naming the task, the
 * field and what it uses: the runtime builds the command from the index alone, so anything not
 * recorded would silently be lost.
 */
final class CommandScanner {
  private static final String PICOCLI = "picocli.CommandLine.";
  private static final String OPTION = PICOCLI + "Option";
  private static final String PARAMETERS = PICOCLI + "Parameters";
  private static final String MIXIN = PICOCLI + "Mixin";

  /** What the index records of {@code @Option}; any other attribute given is refused. */
  private static final Set<String> OPTION_ATTRIBUTES =
      Set.of(
          "names",
          "required",
          "description",
          "descriptionKey",
          "arity",
          "paramLabel",
          "hideParamSyntax",
          "type",
          "split",
          "splitSynopsisLabel",
          "hidden",
          "defaultValue",
          "showDefaultValue",
          "mapFallbackValue",
          "order",
          "negatable",
          "fallbackValue");

  /** What the index records of {@code @Parameters}. */
  private static final Set<String> PARAMETERS_ATTRIBUTES =
      Set.of(
          "index",
          "description",
          "descriptionKey",
          "arity",
          "paramLabel",
          "hideParamSyntax",
          "type",
          "split",
          "splitSynopsisLabel",
          "hidden",
          "defaultValue",
          "showDefaultValue",
          "mapFallbackValue");

  private final ProcessingEnvironment env;
  private final TypeNames typeNames;
  private final TypeElement task;
  private final String taskName;
  private boolean valid = true;

  CommandScanner(ProcessingEnvironment env, TypeElement task, String taskName) {
    this.env = env;
    this.typeNames = new TypeNames(env.getElementUtils(), env.getTypeUtils());
    this.task = task;
    this.taskName = taskName;
  }

  /** The task's members, or empty after reporting every problem as a compile error. */
  Optional<List<CommandMember>> scan() {
    List<CommandMember> members = new ArrayList<>();
    members(task, "", members, new HashSet<>());
    return valid ? Optional.of(members) : Optional.empty();
  }

  /** The fields of {@code type} and its superclasses; refuses picocli on classes and methods. */
  private void members(
      TypeElement type, String holder, List<CommandMember> into, Set<String> mixinNames) {
    for (TypeElement t : hierarchy(type)) {
      refuseCommandAnnotation(t);
      for (Element member : t.getEnclosedElements()) {
        if (member.getKind() == ElementKind.FIELD) {
          field((VariableElement) member, holder, into, mixinNames);
        } else if (member instanceof ExecutableElement method) {
          refuseOnMethod(method);
        }
      }
    }
  }

  private void field(
      VariableElement field, String holder, List<CommandMember> into, Set<String> mixinNames) {
    for (AnnotationMirror annotation : field.getAnnotationMirrors()) {
      String name = annotationName(annotation);
      if (name.equals(OPTION) || name.equals(PARAMETERS)) {
        arg(field, annotation, holder).ifPresent(into::add);
      } else if (name.equals(MIXIN) && holder.isEmpty()) {
        mixin(field, annotation, mixinNames).ifPresent(into::add);
      } else if (name.startsWith(PICOCLI)) {
        refuse(field, "@" + simpleName(name) + (holder.isEmpty() ? "" : " inside a mixin"));
      }
    }
  }

  private Optional<CommandMember> mixin(
      VariableElement field, AnnotationMirror annotation, Set<String> mixinNames) {
    String name = (String) values(annotation).get("name");
    String mixinName = name.isEmpty() ? field.getSimpleName().toString() : name;
    if (!(field.asType() instanceof DeclaredType declared)
        || !(declared.asElement() instanceof TypeElement mixinType)) {
      refuse(field, "@Mixin on a field that is not of a class type");
      return Optional.empty();
    }
    if (!mixinNames.add(mixinName)) {
      refuse(field, "@Mixin(name = \"" + mixinName + "\") a second time");
      return Optional.empty();
    }
    List<CommandMember> arguments = new ArrayList<>();
    members(mixinType, mixinName, arguments, mixinNames);
    return Optional.of(
        new MixinEntry(
            mixinName,
            binaryName(field),
            field.getSimpleName().toString(),
            typeNames.name(field.asType()),
            arguments.stream().map(ArgEntry.class::cast).toList()));
  }

  private Optional<CommandMember> arg(
      VariableElement field, AnnotationMirror annotation, String holder) {
    boolean option = annotationName(annotation).equals(OPTION);
    Set<String> recorded = option ? OPTION_ATTRIBUTES : PARAMETERS_ATTRIBUTES;
    boolean supported = true;
    for (ExecutableElement attribute : annotation.getElementValues().keySet()) {
      String attributeName = attribute.getSimpleName().toString();
      if (!recorded.contains(attributeName)) {
        refuse(field, "@" + (option ? "Option" : "Parameters") + "(" + attributeName + ")");
        supported = false;
      }
    }
    Map<String, Object> v = values(annotation);
    if ("_NULL_".equals(v.get("defaultValue"))) {
      // picocli then sets null through a flag its builders cannot set; rare enough to refuse.
      refuse(field, "defaultValue = \"_NULL_\" (leave the field null instead)");
      supported = false;
    }
    List<String> typeAttribute = classNames(v.get("type"));
    Optional<List<String>> auxiliaryTypes =
        typeAttribute.isEmpty()
            ? typeNames.auxiliaryTypes(field.asType())
            : Optional.of(typeAttribute);
    if (auxiliaryTypes.isEmpty()) {
      refuse(field, "a generic type picocli cannot infer element types from: " + field.asType());
      supported = false;
    }
    if (!supported) {
      return Optional.empty();
    }
    return Optional.of(
        new ArgEntry(
            option ? ArgEntry.Kind.OPTION : ArgEntry.Kind.POSITIONAL,
            holder,
            binaryName(field),
            field.getSimpleName().toString(),
            typeNames.name(field.asType()),
            auxiliaryTypes.get(),
            (String) v.get("arity"),
            option && (Boolean) v.get("required"),
            (String) v.get("defaultValue"),
            strings(v.get("description")),
            (String) v.get("descriptionKey"),
            (String) v.get("paramLabel"),
            (Boolean) v.get("hideParamSyntax"),
            (Boolean) v.get("hidden"),
            (String) v.get("split"),
            (String) v.get("splitSynopsisLabel"),
            ((VariableElement) v.get("showDefaultValue")).getSimpleName().toString(),
            (String) v.get("mapFallbackValue"),
            option ? strings(v.get("names")) : List.of(),
            option && (Boolean) v.get("negatable"),
            option ? (String) v.get("fallbackValue") : "",
            option ? (Integer) v.get("order") : -1,
            option ? "" : (String) v.get("index")));
  }

  private void refuseCommandAnnotation(TypeElement type) {
    for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
      if (annotationName(annotation).equals(PICOCLI + "Command")) {
        refuse(type, "@Command (the task's command comes from its @Task)");
      }
    }
  }

  private void refuseOnMethod(ExecutableElement method) {
    List<Element> annotated = new ArrayList<>(method.getParameters());
    annotated.add(0, method);
    for (Element element : annotated) {
      for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
        String name = annotationName(annotation);
        if (name.startsWith(PICOCLI)) {
          refuse(method, "@" + simpleName(name) + " on a method (annotate a field instead)");
        }
      }
    }
  }

  private void refuse(Element element, String what) {
    valid = false;
    String where =
        element.getKind() == ElementKind.FIELD
            ? "field "
                + element.getEnclosingElement().getSimpleName()
                + "."
                + element.getSimpleName()
            : element.getKind() == ElementKind.METHOD
                ? "method "
                    + element.getEnclosingElement().getSimpleName()
                    + "."
                    + element.getSimpleName()
                : "class " + element.getSimpleName();
    env.getMessager()
        .printMessage(
            Diagnostic.Kind.ERROR,
            "task "
                + taskName
                + " ("
                + task.getQualifiedName()
                + "): "
                + where
                + " uses "
                + what
                + ": the task index cannot describe that, and the runtime builds the task's"
                + " command from the index alone",
            element);
  }

  /** The class and its superclasses, topmost first (as picocli walks them), without Object. */
  private static List<TypeElement> hierarchy(TypeElement type) {
    Deque<TypeElement> classes = new ArrayDeque<>();
    for (TypeElement t = type; t != null; ) {
      if (t.getQualifiedName().contentEquals("java.lang.Object")) {
        break;
      }
      classes.push(t);
      TypeMirror superclass = t.getSuperclass();
      t =
          superclass.getKind() == TypeKind.DECLARED
              ? (TypeElement) ((DeclaredType) superclass).asElement()
              : null;
    }
    return List.copyOf(classes);
  }

  private String binaryName(VariableElement field) {
    return env.getElementUtils()
        .getBinaryName((TypeElement) field.getEnclosingElement())
        .toString();
  }

  /** Every attribute of {@code annotation}, defaults included, as plain Java values. */
  private Map<String, Object> values(AnnotationMirror annotation) {
    Map<String, Object> values = new HashMap<>();
    env.getElementUtils()
        .getElementValuesWithDefaults(annotation)
        .forEach((k, value) -> values.put(k.getSimpleName().toString(), value.getValue()));
    return values;
  }

  private static List<String> strings(Object arrayValue) {
    return ((List<?>) arrayValue)
        .stream().map(e -> (String) ((AnnotationValue) e).getValue()).toList();
  }

  private List<String> classNames(Object arrayValue) {
    return ((List<?>) arrayValue)
        .stream().map(e -> typeNames.name((TypeMirror) ((AnnotationValue) e).getValue())).toList();
  }

  private static String annotationName(AnnotationMirror annotation) {
    return ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  private static String simpleName(String annotationName) {
    return annotationName.substring(annotationName.lastIndexOf('.') + 1);
  }
}
