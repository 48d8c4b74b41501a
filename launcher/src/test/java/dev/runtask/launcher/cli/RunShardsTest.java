package dev.runtask.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `stop RUN_ID` and `logs RUN_ID` name shards as the fan-out's own lines do. */
class RunShardsTest {
  @Test
  void tagged_shardOfSixteen_isLabelledAsTheFanOutLabelsIt() {
    assertThat(RunShards.tagged("3/16")).contains(new RunShards.Tag(3, "[03/16]"));
    assertThat(RunShards.tagged("0/2")).contains(new RunShards.Tag(0, "[0/2]"));
  }

  @Test
  void tagged_tagTheLauncherDidNotWrite_namesNoShard() {
    assertThat(RunShards.tagged("backfill")).isEmpty();
    assertThat(RunShards.tagged("3")).isEmpty();
    assertThat(RunShards.tagged("16/16")).isEmpty();
    assertThat(RunShards.tagged("-1/4")).isEmpty();
    assertThat(RunShards.tagged("/4")).isEmpty();
  }
}
