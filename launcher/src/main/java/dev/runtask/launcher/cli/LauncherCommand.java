package dev.runtask.launcher.cli;

import dev.runtask.launcher.io.Host;
import picocli.CommandLine.Command;

/** The top-level {@code launcher} command; holds the host the subcommands run on. */
@Command(name = "launcher", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the team's tasks on ECS Fargate (or locally) and get their exit code back.",
        subcommands = {RunCommand.class, RenderCommand.class, DiffCommand.class, TasksCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the task succeeded", "1, 3-99:the task's own exit code", "2:bad input or configuration; nothing was sent to AWS",
            "110:an AWS call failed", "120:--timeout reached", "121:interrupted (Ctrl-C)",
            "125:the task never ran", "126:the task was stopped from outside", "130, 137, 143:the task got a signal"})
public final class LauncherCommand {
    private final Host host;

    public LauncherCommand(Host host) {
        this.host = host;
    }

    Host host() {
        return host;
    }
}
