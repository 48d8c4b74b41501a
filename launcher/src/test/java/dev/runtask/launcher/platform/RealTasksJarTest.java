package dev.runtask.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.runtask.launcher.support.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The repository's own `-e local` against the real tasks.jar, when the tasks module has been
 * packaged.
 */
class RealTasksJarTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void run_localHelloWorld_realTasksJarGreetsAndExitsZero() {
    assumeTrue(
        Files.isRegularFile(ROOT.resolve("tasks/target/tasks.jar")),
        "tasks/target/tasks.jar not built (mvn -B -pl tasks -am package -DskipTests): skipping the real-jar run");

    TestHost.Result r =
        new TestHost()
            .workDir(ROOT)
            .env("USER", "ada")
            .env("PATH", System.getenv("PATH"))
            .env("HOME", System.getProperty("user.home"))
            .run("run", "-e", "local", "-n", "hello-world", "--", "--name", "Ada");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out() + r.err()).contains("Ada");
  }

  @Test
  void run_localShards_realTasksJar_everyShardRunsOnceAndLogsItsShard() {
    assumeTrue(
        Files.isRegularFile(ROOT.resolve("tasks/target/tasks.jar")),
        "tasks/target/tasks.jar not built (mvn -B -pl tasks -am package -DskipTests): skipping the real-jar run");

    TestHost.Result r =
        new TestHost()
            .workDir(ROOT)
            .env("USER", "ada")
            .env("PATH", System.getenv("PATH"))
            .env("HOME", System.getProperty("user.home"))
            .run("run", "-e", "local", "-n", "hello-world", "--shards", "4", "--", "--name", "Ada");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    for (int i = 0; i < 4; i++) {
      // Off a terminal the runtime's lines stay JSON, one per line, each naming its shard.
      String shard = i + "/4";
      assertThat(
              r.out()
                  .lines()
                  .map(l -> dev.runtask.contract.LogEvent.parse(l).orElseThrow())
                  .filter(e -> shard.equals(e.mdc().get("shard"))))
          .as(r.toString())
          .anySatisfy(e -> assertThat(e.message()).isEqualTo("Hello, Ada!"));
    }
    assertThat(r.err()).contains("all 4 shards of hello-world succeeded");
  }
}
