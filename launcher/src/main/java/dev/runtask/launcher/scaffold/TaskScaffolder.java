package dev.runtask.launcher.scaffold;

import dev.runtask.contract.ExitCodes;
import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.scaffold.AllOrNothingWriter.NewFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code launcher new}: checks the name against the repository, plans the task's sources, test and
 * per-environment entries, and writes them all or none. Bad input is exit 2 with nothing written.
 */
public final class TaskScaffolder {
  private final ProjectLayout layout;
  private final AllOrNothingWriter writer;

  public TaskScaffolder(ProjectLayout layout) {
    this(layout, new AllOrNothingWriter(layout::display));
  }

  TaskScaffolder(ProjectLayout layout, AllOrNothingWriter writer) {
    this.layout = layout;
    this.writer = writer;
  }

  /**
   * What to generate: {@code description} null for the default, {@code database} for usecase +
   * repository.
   */
  public record Request(String name, String description, boolean database) {
    public Request {
      Objects.requireNonNull(name, "name");
    }
  }

  /** What was generated: paths relative to the repository root, and what to run next. */
  public record Result(String task, List<String> created, List<String> nextSteps) {
    public Result {
      Objects.requireNonNull(task, "task");
      created = List.copyOf(created);
      nextSteps = List.copyOf(nextSteps);
    }
  }

  public Result create(Request request) {
    TaskName name =
        request.database()
            ? TaskName.parse(request.name()).requireUsecaseNameFree()
            : TaskName.parse(request.name());
    String description = description(request.description(), name);
    Map<String, Path> environments = layout.environments();
    Path declaring = layout.declaredTasks().get(name.name());
    if (declaring != null) {
      throw taken(
          name, layout.display(declaring) + " already declares @Task(name = \"" + name + "\")");
    }
    for (Path sourceRoot : List.of(layout.mainJava(), layout.testJava())) {
      Path dir = layout.packageDir(sourceRoot, name.packageName());
      if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw taken(name, "its package directory " + layout.display(dir) + " already exists");
      }
    }
    List<NewFile> files = plan(name, description, request.database(), environments);
    for (NewFile file : files) {
      if (Files.exists(file.path(), LinkOption.NOFOLLOW_LINKS)) {
        throw taken(name, layout.display(file.path()) + " already exists");
      }
    }
    if (!Files.isDirectory(layout.tasksDir()) || !Files.isWritable(layout.tasksDir())) {
      throw LauncherException.badInput(
          layout.display(layout.tasksDir())
              + "/ is not a writable directory;"
              + " nothing was written");
    }
    try {
      writer.write(files);
    } catch (AllOrNothingWriter.WriteFailedException e) {
      throw new LauncherException(ExitCodes.USAGE, e.getMessage(), e);
    }
    List<String> created = files.stream().map(f -> layout.display(f.path())).toList();
    return new Result(name.name(), created, nextSteps(name, request.database()));
  }

  private List<NewFile> plan(
      TaskName name, String description, boolean database, Map<String, Path> environments) {
    TaskSources sources = new TaskSources(name, description);
    TaskTestSources tests = new TaskTestSources(name);
    Path mainDir = layout.packageDir(layout.mainJava(), name.packageName());
    Path testDir = layout.packageDir(layout.testJava(), name.packageName());
    List<NewFile> files = new ArrayList<>();
    if (database) {
      files.add(
          new NewFile(
              mainDir.resolve(name.taskClass() + ".java"), sources.databaseTask().toString()));
      files.add(
          new NewFile(
              mainDir.resolve(name.usecaseClass() + ".java"), sources.usecase().toString()));
      files.add(
          new NewFile(
              mainDir.resolve(name.repositoryClass() + ".java"), sources.repository().toString()));
      files.add(
          new NewFile(
              testDir.resolve(name.testClass() + ".java"), tests.databaseTest().toString()));
    } else {
      files.add(
          new NewFile(mainDir.resolve(name.taskClass() + ".java"), sources.plainTask().toString()));
      files.add(
          new NewFile(testDir.resolve(name.testClass() + ".java"), tests.plainTest().toString()));
    }
    for (Path envDir : environments.values()) {
      files.add(
          new NewFile(
              envDir.resolve("tasks").resolve(name.name() + ".json"),
              TaskDefinitionEntry.forEnvironment(envDir, layout)));
    }
    return files;
  }

  private static String description(String given, TaskName name) {
    if (given == null || given.isBlank()) {
      return name.humanized();
    }
    if (given.chars().anyMatch(Character::isISOControl)) {
      throw LauncherException.badInput(
          "--description must be one line of text (no line breaks or tabs)");
    }
    return given.strip();
  }

  private static LauncherException taken(TaskName name, String why) {
    return LauncherException.badInput(
        "task name \"" + name + "\" is taken: " + why + "; choose another name");
  }

  private List<String> nextSteps(TaskName name, boolean database) {
    String task =
        layout.display(
            layout
                .packageDir(layout.mainJava(), name.packageName())
                .resolve(name.taskClass() + ".java"));
    return List.of(
        "Implement it in " + task + " and its test " + name.testClass() + ".",
        "Test it" + (database ? " (PostgreSQL at 127.0.0.1:5432, see test-support)" : "") + ":",
        "  mvn -B -pl tasks -am verify -Dtest="
            + name.testClass()
            + " -Dsurefire.failIfNoSpecifiedTests=false",
        "Build tasks.jar and the launcher (its task list comes from the build):",
        "  mvn -B -q -pl tasks,launcher -am package -DskipTests",
        "Run it locally:",
        "  java -jar launcher/target/launcher.jar run -e local -n "
            + name
            + " -- "
            + TaskSources.OPTION_NAME
            + " 10",
        "Size it per environment in task-definitions/<env>/tasks/"
            + name
            + ".json; after the merge CI pushes"
            + " the image, then:",
        "  scripts/run_task.sh -e staging -n " + name + " -- " + TaskSources.OPTION_NAME + " 10");
  }
}
