package dev.runtask.tasks.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code launcher run -e local --shards 4} starts: four tasks.jar processes at once on the
 * embedded default database (H2, AUTO_SERVER). They all open it together; every shard must get in,
 * and together they check every sale once.
 */
class ShardsOnEmbeddedDatabaseIT {
  static final Pattern CHECKED =
      Pattern.compile("Checked (\\d+) sales \\(the part shard (\\d)/4 owns\\)");

  @TempDir Path dir;

  Process start(List<String> args, int shard) throws Exception {
    Path target = Path.of("target").toAbsolutePath();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + target.resolve("jvm.options"),
                "-jar",
                target.resolve("tasks.jar").toString()));
    command.addAll(args);
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("RUNTASK_"));
    pb.environment().put("RUNTASK_LOG_FORMAT", "text");
    if (shard >= 0) {
      pb.environment().put("SHARD_INDEX", Integer.toString(shard));
      pb.environment().put("SHARD_COUNT", "4");
    }
    return pb.start();
  }

  @Test
  void fourShardsOneByOne_embeddedDefault_everySaleCheckedOnce() throws Exception {
    Path csv = Path.of("src/test/resources/sales/sales.csv").toAbsolutePath();
    Process load = start(List.of("import-sales", "--file", csv.toString()), -1);
    assertThat(load.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(load.exitValue()).as(new String(load.getInputStream().readAllBytes())).isZero();

    int checked = 0;
    for (int i = 0; i < 4; i++) {
      Process p = start(List.of("recalculate-sale-totals"), i);
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as("shard %d: %s", i, out).isZero();
      Matcher m = CHECKED.matcher(out);
      assertThat(m.find()).as(out).isTrue();
      assertThat(m.group(2)).isEqualTo(Integer.toString(i));
      checked += Integer.parseInt(m.group(1));
    }
    assertThat(checked).as("the sales of sales.csv, each checked by one shard").isEqualTo(3);
  }
}
