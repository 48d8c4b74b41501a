package dev.runtask.runtime.api;

import dev.runtask.contract.EnvironmentVariables;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Which part of a fan-out this execution is: shard {@code index} of {@code count}, {@code 0 of 1}
 * when the task was not fanned out. A task takes its part with {@link #owns(long)}, {@link
 * #owns(String)} or {@link #rangeOf(long, long)}; every shard of one fan-out agrees on who owns
 * what, in any JVM and any language, because the hashes are fixed here and in docs/CONTRACTS.md.
 */
public record Shard(int index, int count) {
  /** The one shard of a task that was not fanned out. */
  public static final Shard SINGLE = new Shard(0, 1);

  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "shard " + index + " of " + count + ": expected 0 <= index < count");
    }
  }

  /** True when this execution is one of several shards. */
  public boolean isSharded() {
    return count > 1;
  }

  /**
   * True when this shard owns the numeric id: {@code fmix64(id)} (MurmurHash3's 64-bit finalizer),
   * read as unsigned, modulo {@code count}. Mixed first so ids with a stride (only even ids, ids
   * per tenant block) still spread evenly; a plain {@code id % count} would not.
   */
  public boolean owns(long id) {
    return ownerOf(fmix64(id)) == index;
  }

  /**
   * True when this shard owns the key: {@code fmix64(FNV-1a-64(UTF-8 bytes of key))}, unsigned,
   * modulo {@code count}. Not {@link String#hashCode()}: 32 bits, and nothing promises it to other
   * languages or to a database query that wants to select the same part.
   */
  public boolean owns(String key) {
    return ownerOf(fmix64(fnv1a64(key.getBytes(StandardCharsets.UTF_8)))) == index;
  }

  /**
   * This shard's contiguous part of {@code [from, to)}: the range split into {@code count} parts
   * whose sizes differ by at most one, the larger ones first; empty (from == to) when there are
   * more shards than numbers.
   */
  public Range rangeOf(long from, long to) {
    if (to < from) {
      throw new IllegalArgumentException("range [" + from + ", " + to + ") ends before it starts");
    }
    long size = to - from; // may overflow for huge spans; treated as unsigned below
    long base = Long.divideUnsigned(size, count);
    long extra = Long.remainderUnsigned(size, count);
    long start = from + base * index + Math.min(index, extra);
    return new Range(start, start + base + (index < extra ? 1 : 0));
  }

  /** A half-open range of numbers {@code [from, to)}. */
  public record Range(long from, long to) {
    public boolean contains(long n) {
      return n >= from && n < to;
    }

    public boolean isEmpty() {
      return from == to;
    }
  }

  /** {@code index/count}, the form of the {@code shard} log field and the RunTask tag. */
  @Override
  public String toString() {
    return index + "/" + count;
  }

  /**
   * The shard the launcher set in {@code SHARD_INDEX} and {@code SHARD_COUNT}; {@link #SINGLE} when
   * neither is set. Throws {@link IllegalArgumentException} naming the variable when one is set
   * without the other, is not a whole number, or is out of range.
   */
  public static Shard fromEnvironment(Map<String, String> env) {
    String index = value(env, EnvironmentVariables.SHARD_INDEX);
    String count = value(env, EnvironmentVariables.SHARD_COUNT);
    if (index == null && count == null) {
      return SINGLE;
    }
    if (count == null) {
      throw new IllegalArgumentException(
          EnvironmentVariables.SHARD_INDEX
              + " is set but "
              + EnvironmentVariables.SHARD_COUNT
              + " is not: a shard needs both (index 0 to count-1)");
    }
    int n = number(EnvironmentVariables.SHARD_COUNT, count, "a whole number >= 1");
    if (n < 1) {
      throw invalid(EnvironmentVariables.SHARD_COUNT, count, "a whole number >= 1");
    }
    if (index == null) {
      throw new IllegalArgumentException(
          EnvironmentVariables.SHARD_COUNT
              + " is set but "
              + EnvironmentVariables.SHARD_INDEX
              + " is not: a shard needs both (index 0 to count-1)");
    }
    String expected = "a whole number from 0 to " + (n - 1) + " (SHARD_COUNT=" + n + ")";
    int i = number(EnvironmentVariables.SHARD_INDEX, index, expected);
    if (i < 0 || i >= n) {
      throw invalid(EnvironmentVariables.SHARD_INDEX, index, expected);
    }
    return new Shard(i, n);
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static int number(String name, String value, String expected) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid(name, value, expected);
    }
  }

  private static IllegalArgumentException invalid(String name, String value, String expected) {
    return new IllegalArgumentException(name + "=" + value + " is not valid: expected " + expected);
  }

  private int ownerOf(long hash) {
    return (int) Long.remainderUnsigned(hash, count);
  }

  /** MurmurHash3's fmix64: a bijection on 64 bits with full avalanche. */
  static long fmix64(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** 64-bit FNV-1a. */
  static long fnv1a64(byte[] bytes) {
    long h = 0xcbf29ce484222325L;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
