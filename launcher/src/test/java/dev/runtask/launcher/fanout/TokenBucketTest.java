package dev.runtask.launcher.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The pacer on a hand-driven clock: Fargate's 20/s with a burst of 100, as a launch would see it.
 */
class TokenBucketTest {
  final AtomicLong now = new AtomicLong();
  final TokenBucket bucket = new TokenBucket(20, 100, now::get);

  @Test
  void reserve_burstAtOnce_thenOneEvery50ms() {
    for (int i = 0; i < 100; i++) {
      assertThat(bucket.reserve()).as("call %d of the burst", i).isZero();
    }
    assertThat(bucket.reserve()).isEqualTo(50_000_000L);
    assertThat(bucket.reserve()).as("queued behind the previous one").isEqualTo(100_000_000L);
  }

  @Test
  void reserve_100LaunchesAfterTheBurst_takeFiveSeconds() {
    long lastWait = 0;
    for (int i = 0; i < 200; i++) {
      lastWait = bucket.reserve();
    }
    assertThat(lastWait)
        .as("the 200th of 200 calls at 20/s after a burst of 100")
        .isEqualTo(5_000_000_000L);
  }

  @Test
  void reserve_idleTime_refillsUpToTheBurstOnly() {
    for (int i = 0; i < 100; i++) {
      bucket.reserve();
    }
    now.addAndGet(60_000_000_000L);
    for (int i = 0; i < 100; i++) {
      assertThat(bucket.reserve()).isZero();
    }
    assertThat(bucket.reserve()).isPositive();
  }
}
