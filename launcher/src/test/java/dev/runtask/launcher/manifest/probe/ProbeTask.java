package dev.runtask.launcher.manifest.probe;

import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.api.Task;
import dev.runtask.runtime.api.TaskContext;
import dev.runtask.runtime.db.DryRun;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** An option of every kind tasks use, for the launcher/runtime differential test; does nothing. */
@Task(name = "probe", description = "Takes an option of every kind and does nothing")
public final class ProbeTask implements RunnableTask {
  /** The last instance that ran, so a test can see what the runtime bound. */
  public static volatile ProbeTask last;

  /** A task's own enum: the launcher knows only its constants, from the manifest. */
  public enum Mode {
    FAST,
    SAFE
  }

  @Option(
      names = {"-n", "--count"},
      required = true)
  int count;

  @Option(names = {"-v", "--verbose"})
  boolean verbose;

  @Option(names = "--colour", negatable = true)
  boolean colour;

  @Option(names = "--limit")
  long limit;

  @Option(names = "--ratio")
  double ratio;

  @Option(names = "--since")
  LocalDate since;

  @Option(names = "--mode")
  Mode mode;

  @Option(names = "--file")
  Path file;

  @Option(names = "--name")
  public String name;

  @Option(names = "--tag")
  List<String> tags;

  @Option(names = "--ids", split = ",")
  List<Integer> ids;

  @Option(names = "--api-token")
  String apiToken;

  @Mixin DryRun dryRun;

  @Parameters(index = "0..*")
  List<Path> inputs;

  @Override
  public int run(TaskContext context) {
    last = this;
    return 0;
  }
}
