package dev.runtask.runtime.index;

import dev.runtask.runtime.api.Task;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@link TaskIndex#RESOURCE} from the {@link Task}-annotated classes of a compilation.
 *
 * <p>Everything that would make a task unrunnable (bad name, duplicate name, missing no-arg
 * constructor, not a RunnableTask) fails the build here rather than at start-up on ECS. Each task's
 * options and positional parameters are recorded too ({@link CommandScanner}), so the runtime
 * builds its picocli command without reading annotations at start-up.
 */
@SupportedAnnotationTypes("dev.runtask.runtime.api.Task")
@SupportedOptions(CompiledIndex.OPTION)
public final class TaskIndexProcessor extends AbstractProcessor {
  static final Pattern KEBAB_CASE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final String RUNNABLE_TASK = "dev.runtask.runtime.api.RunnableTask";

  private final Map<String, TaskEntry> entries = new TreeMap<>();
  private boolean compiledIndexWritten;

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    int known = entries.size();
    for (Element element : round.getElementsAnnotatedWith(Task.class)) {
      if (element instanceof TypeElement type && isValid(type)) {
        register(type);
      }
    }
    boolean compiledIndex =
        Boolean.parseBoolean(processingEnv.getOptions().get(CompiledIndex.OPTION));
    if (compiledIndex && entries.size() > known && !round.processingOver()) {
      writeCompiledIndex(round);
    }
    if (round.processingOver() && !entries.isEmpty()) {
      writeIndex();
    }
    return true;
  }

  private void register(TypeElement type) {
    Task task = type.getAnnotation(Task.class);
    Optional<List<CommandMember>> members =
        new CommandScanner(processingEnv, type, task.name()).scan();
    if (members.isEmpty()) {
      return;
    }
    String className = processingEnv.getElementUtils().getBinaryName(type).toString();
    TaskEntry entry =
        new TaskEntry(
            task.name(), className, task.singleInstance(), task.description(), members.get());
    TaskEntry previous = entries.putIfAbsent(task.name(), entry);
    if (previous != null && !previous.className().equals(className)) {
      error(type, "Task name '" + task.name() + "' is already used by " + previous.className());
    }
  }

  private boolean isValid(TypeElement type) {
    Task task = type.getAnnotation(Task.class);
    boolean valid = true;
    if (!KEBAB_CASE.matcher(task.name()).matches()) {
      valid =
          error(type, "Task name '" + task.name() + "' must be kebab-case, e.g. backfill-orders");
    }
    if (task.description().isBlank()
        || task.description().contains("\n")
        || task.description().contains("\t")) {
      valid = error(type, "Task '" + task.name() + "' needs a one-line description");
    }
    if (type.getKind() != ElementKind.CLASS
        || type.getModifiers().contains(Modifier.ABSTRACT)
        || !type.getModifiers().contains(Modifier.PUBLIC)) {
      valid = error(type, "@Task " + type + " must be a public, non-abstract class");
    }
    if (type.getNestingKind().isNested() && !type.getModifiers().contains(Modifier.STATIC)) {
      valid = error(type, "@Task " + type + " must be a top-level or static nested class");
    }
    if (!implementsRunnableTask(type)) {
      valid = error(type, "@Task " + type + " must implement " + RUNNABLE_TASK);
    }
    if (!hasPublicNoArgConstructor(type)) {
      valid = error(type, "@Task " + type + " needs a public no-argument constructor");
    }
    return valid;
  }

  private boolean implementsRunnableTask(TypeElement type) {
    TypeElement runnable = processingEnv.getElementUtils().getTypeElement(RUNNABLE_TASK);
    TypeMirror erased = processingEnv.getTypeUtils().erasure(type.asType());
    return runnable != null && processingEnv.getTypeUtils().isAssignable(erased, runnable.asType());
  }

  private static boolean hasPublicNoArgConstructor(TypeElement type) {
    return type.getEnclosedElements().stream()
        .filter(e -> e.getKind() == ElementKind.CONSTRUCTOR)
        .map(ExecutableElement.class::cast)
        .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
  }

  private void writeIndex() {
    try {
      FileObject file =
          processingEnv
              .getFiler()
              .createResource(StandardLocation.CLASS_OUTPUT, "", TaskIndex.RESOURCE);
      try (Writer writer =
          new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        TaskIndex.write(entries.values(), writer);
      }
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(Diagnostic.Kind.ERROR, "Cannot write task index: " + e);
    }
  }

  /**
   * The same lines as a class, for a packaged jar ({@link CompiledIndex}). Written in the round
   * that finds the tasks, since a source made in the last round draws a warning (and -Werror fails
   * on it); a class can be written once, so tasks that other processors generate later are an
   * error.
   */
  private void writeCompiledIndex(RoundEnvironment round) {
    if (compiledIndexWritten) {
      for (Element element : round.getElementsAnnotatedWith(Task.class)) {
        error(
            element,
            "@Task "
                + element
                + " was generated by another annotation processor: "
                + CompiledIndex.CLASS_NAME
                + " has already been written; generated tasks need "
                + CompiledIndex.OPTION
                + "=false");
      }
      return;
    }
    compiledIndexWritten = true;
    List<String> lines = TaskIndex.lines(entries.values());
    if (!CompiledIndexSource.fits(lines)) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.NOTE,
              "The task index is too large to compile into "
                  + CompiledIndex.CLASS_NAME
                  + "; tasks.jar reads "
                  + TaskIndex.RESOURCE
                  + " instead");
      return;
    }
    try {
      JavaFileObject file = processingEnv.getFiler().createSourceFile(CompiledIndex.CLASS_NAME);
      try (Writer writer = file.openWriter()) {
        writer.write(CompiledIndexSource.render(lines));
      }
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR, "Cannot write " + CompiledIndex.CLASS_NAME + ": " + e);
    }
  }

  private boolean error(Element element, String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element);
    return false;
  }
}
