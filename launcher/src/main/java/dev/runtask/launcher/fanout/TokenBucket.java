package dev.runtask.launcher.fanout;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Paces calls under a rate limit the way AWS enforces it: a bucket of {@code burst} tokens, one per
 * call, refilled at {@code perSecond}. Fargate's RunTask limit is such a bucket (20/s, burst 100),
 * so the first 100 shards launch at once and the rest at 20 per second, with no throttling.
 */
public final class TokenBucket {
  private final double perNano;
  private final double burst;
  private final LongSupplier nanoClock;
  private double tokens;
  private long last;

  public TokenBucket(int perSecond, int burst, LongSupplier nanoClock) {
    if (perSecond < 1 || burst < 1) {
      throw new IllegalArgumentException("rate and burst must be at least 1");
    }
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.nanoClock = nanoClock;
    this.tokens = burst;
    this.last = nanoClock.getAsLong();
  }

  public static TokenBucket system(int perSecond, int burst) {
    return new TokenBucket(perSecond, burst, System::nanoTime);
  }

  /**
   * Takes a token and returns how many nanoseconds the caller must wait before using it (0 when one
   * was in the bucket). Tokens are reserved in order, so concurrent callers queue fairly.
   */
  public synchronized long reserve() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) * perNano);
    last = now;
    tokens -= 1;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
  }

  /** Takes a token, waiting for it if the bucket is empty. */
  public void acquire() throws InterruptedException {
    long wait = reserve();
    long deadline = System.nanoTime() + wait;
    while (wait > 0) {
      LockSupport.parkNanos(wait);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      wait = deadline - System.nanoTime();
    }
  }
}
