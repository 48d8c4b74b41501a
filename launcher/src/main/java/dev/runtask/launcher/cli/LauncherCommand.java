package dev.runtask.launcher.cli;

import dev.runtask.launcher.io.Host;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/** The top-level {@code launcher} command; holds the host the subcommands run on. */
@Command(
    name = "launcher",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Run the team's tasks on ECS Fargate (or locally) and get their exit code back.",
    exitCodeListHeading = "%nExit codes:%n")
public final class LauncherCommand {
  private final Host host;

  public LauncherCommand(Host host) {
    this.host = host;
  }

  /** The subcommands by name, created on demand (see Main). */
  public static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> all = new LinkedHashMap<>();
    all.put("run", RunCommand::new);
    all.put("attach", AttachCommand::new);
    all.put("ps", PsCommand::new);
    all.put("logs", LogsCommand::new);
    all.put("stop", StopCommand::new);
    all.put("history", HistoryCommand::new);
    all.put("render", RenderCommand::new);
    all.put("diff", DiffCommand::new);
    all.put("tasks", TasksCommand::new);
    all.put("new", NewCommand::new);
    return all;
  }

  Host host() {
    return host;
  }
}
