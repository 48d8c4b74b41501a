package dev.runtask.runtime.manifest;

import dev.runtask.runtime.api.RunnableTask;
import dev.runtask.runtime.api.TaskContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Not a {@code @Task} (it would break every manifest): a task class with mutually exclusive
 * options, which the manifest cannot describe.
 */
public final class GroupedOptions implements RunnableTask {
  @ArgGroup(exclusive = true)
  Source source;

  /** Either a file or a URL. */
  static final class Source {
    @Option(names = "--file")
    String file;

    @Option(names = "--url")
    String url;
  }

  @Override
  public int run(TaskContext context) {
    return 0;
  }
}
