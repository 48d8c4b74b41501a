package dev.runtask.launcher;

import dev.runtask.contract.DidYouMean;
import dev.runtask.contract.ExitCodes;
import dev.runtask.contract.ParserRules;
import dev.runtask.launcher.aws.AwsClients;
import dev.runtask.launcher.cli.EnvironmentNames;
import dev.runtask.launcher.cli.LauncherCommand;
import dev.runtask.launcher.cli.ReportsFailures;
import dev.runtask.launcher.config.JsonFiles;
import dev.runtask.launcher.exit.Failure;
import dev.runtask.launcher.io.Host;
import dev.runtask.launcher.io.Interrupts;
import dev.runtask.launcher.io.Terminal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of launcher.jar: wires the real host into picocli and maps failures to exit codes.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    warmUp(args);
    Terminal terminal =
        new Terminal(
            System.out,
            System.err,
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
            System.console() != null);
    Host host =
        new Host(
            System.getenv(), Path.of("").toAbsolutePath(), terminal, Interrupts.installOnSignals());
    System.exit(run(host, args));
  }

  /**
   * Initialises Jackson and, for the commands that call AWS, the SDK on a second core while picocli
   * parses the command line: a short run is mostly class loading and initialisation.
   */
  private static void warmUp(String[] args) {
    boolean aws =
        args.length > 0
            && (args[0].equals("run") || args[0].equals("attach") || args[0].equals("diff"))
            && !List.of(args).contains("local");
    Thread t =
        new Thread(
            () -> {
              try {
                JsonFiles.MAPPER.createObjectNode();
                if (aws) {
                  AwsClients.warmUp();
                }
              } catch (RuntimeException | LinkageError e) {
                // Only a warm-up: the real use reports any problem.
              }
            },
            "warm-up");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Runs one command line on {@code host} and returns the exit code; tests call this in-process.
   */
  public static int run(Host host, String... args) {
    try {
      return execute(host, args);
    } catch (Error e) {
      // Even wiring the commands can fail so (a class missing from the jar).
      return failed(host, e, null);
    }
  }

  private static int execute(Host host, String... args) {
    CommandLine cli = new CommandLine(new LauncherCommand(host), factory(host));
    // Only the invoked subcommand is modelled: picocli's reflection over every command is a
    // noticeable share of a short run's start-up. Help and typos still see all of them.
    Map<String, Supplier<Object>> subcommands = LauncherCommand.subcommands();
    if (args.length > 0 && subcommands.containsKey(args[0])) {
      cli.addSubcommand(subcommands.get(args[0]).get());
    } else {
      subcommands.values().forEach(s -> cli.addSubcommand(s.get()));
    }
    // The exit codes are the contract's, listed once there.
    cli.getCommandSpec().usageMessage().exitCodeList(ExitCodes.launcherCodes());
    cli.setOut(new PrintWriter(host.terminal().out(), true));
    cli.setErr(new PrintWriter(host.terminal().err(), true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // "@x" among a task's arguments is a value (ParserRules), so the launcher reads no @files
    // either: it would otherwise pass the file's lines on in place of "@x".
    cli.setExpandAtFiles(ParserRules.EXPAND_AT_FILES);
    if (cli.getSubcommands().containsKey("run")) {
      cli.getSubcommands().get("run").setUnmatchedOptionsArePositionalParams(true);
    }
    cli.setParameterExceptionHandler(Main::badParameters);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(host, e, commandLine));
    try {
      return cli.execute(args);
    } catch (Error e) {
      // picocli hands only Exceptions to the handler above; an Error (NoClassDefFoundError from a
      // jar missing a class, StackOverflowError...) is a launcher bug all the same.
      CommandLine invoked = cli.getParseResult() == null ? cli : last(cli.getParseResult());
      return failed(host, e, invoked);
    }
  }

  private static CommandLine last(CommandLine.ParseResult parsed) {
    List<CommandLine> chain = parsed.asCommandLineList();
    return chain.get(chain.size() - 1);
  }

  /** picocli's factory, except that -e's help lists the environments found from the host. */
  private static CommandLine.IFactory factory(Host host) {
    CommandLine.IFactory standard = CommandLine.defaultFactory();
    return new CommandLine.IFactory() {
      @Override
      @SuppressWarnings("unchecked")
      public <K> K create(Class<K> type) throws Exception {
        return type == EnvironmentNames.class
            ? (K) new EnvironmentNames(host)
            : standard.create(type);
      }
    };
  }

  private static int badParameters(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    String suggestion = "";
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      var spec = cli.getCommandSpec();
      var candidates =
          !spec.subcommands().isEmpty()
              ? spec.subcommands().keySet()
              : spec.options().stream().flatMap(o -> java.util.Arrays.stream(o.names())).toList();
      suggestion = DidYouMean.suffix(u.getUnmatched().get(0), candidates);
    }
    err.println("launcher: " + e.getMessage() + suggestion);
    err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help'.");
    return ExitCodes.USAGE;
  }

  /** The one place a failed command becomes an exit code and a line on stderr. */
  private static int failed(Host host, Throwable e, CommandLine command) {
    Failure failure = Failure.of(e);
    if (command != null && command.getCommand() instanceof ReportsFailures reporting) {
      reporting.report(failure);
    }
    host.terminal().info("launcher: " + failure.message());
    if (failure.bug()) {
      e.printStackTrace(host.terminal().err());
    }
    return failure.exitCode();
  }
}
