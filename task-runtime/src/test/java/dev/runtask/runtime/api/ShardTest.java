package dev.runtask.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardTest {

  @Test
  void fromEnvironment_neitherVariable_zeroOfOne() {
    assertThat(Shard.fromEnvironment(Map.of())).isEqualTo(Shard.SINGLE);
    assertThat(Shard.SINGLE.isSharded()).isFalse();
    assertThat(Shard.fromEnvironment(Map.of("SHARD_INDEX", "7", "SHARD_COUNT", "16")))
        .isEqualTo(new Shard(7, 16))
        .hasToString("7/16");
  }

  @Test
  void fromEnvironment_badValues_messageNamesTheVariableAndWhatIsExpected() {
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("SHARD_INDEX", "3")))
        .hasMessage(
            "SHARD_INDEX is set but SHARD_COUNT is not: a shard needs both (index 0 to count-1)");
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("SHARD_COUNT", "3")))
        .hasMessageStartingWith("SHARD_COUNT is set but SHARD_INDEX is not");
    assertThatThrownBy(
            () -> Shard.fromEnvironment(Map.of("SHARD_INDEX", "0", "SHARD_COUNT", "zero")))
        .hasMessage("SHARD_COUNT=zero is not valid: expected a whole number >= 1");
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("SHARD_INDEX", "0", "SHARD_COUNT", "0")))
        .hasMessage("SHARD_COUNT=0 is not valid: expected a whole number >= 1");
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("SHARD_INDEX", "4", "SHARD_COUNT", "4")))
        .hasMessage(
            "SHARD_INDEX=4 is not valid: expected a whole number from 0 to 3 (SHARD_COUNT=4)");
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("SHARD_INDEX", "-1", "SHARD_COUNT", "4")))
        .hasMessageStartingWith("SHARD_INDEX=-1 is not valid");
  }

  @Test
  void hashes_areTheDocumentedFixedFunctions() {
    // FNV-1a 64 reference vectors (draft-eastlake-fnv), so the key hash can be reproduced anywhere.
    assertThat(Shard.fnv1a64(new byte[0])).isEqualTo(0xcbf29ce484222325L);
    assertThat(Shard.fnv1a64("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xaf63dc4c8601ec8cL);
    assertThat(Shard.fnv1a64("foobar".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(0x85944171f73967e8L);
    assertThat(Shard.fmix64(1L)).isEqualTo(0xb456bcfc34c2cb2cL);
    // Owners pinned from an independent implementation (Python, docs/CONTRACTS.md's formulas):
    // changing the hash would move work between the shards of a fan-out.
    assertThat(List.of(ownerOf(1L, 7), ownerOf(2L, 7), ownerOf(3L, 7), ownerOf(42L, 7)))
        .isEqualTo(pinnedLongOwners());
    assertThat(List.of(ownerOf("S-0001", 7), ownerOf("", 7), ownerOf("ü", 7)))
        .isEqualTo(pinnedKeyOwners());
  }

  @Test
  void owns_everyIdAndKey_exactlyOneShard_roughlyEvenEvenForStridedIds() {
    int count = 8;
    int[] perShard = new int[count];
    for (long id = 0; id < 80_000; id += 4) { // a stride that id % 8 would split 2 ways only
      perShard[ownerOf(id, count)]++;
      perShard[ownerOf("sale-" + id, count)]++;
    }
    for (int n : perShard) {
      assertThat(n).isBetween(4_500, 5_500);
    }
  }

  @Test
  void rangeOf_splitsIntoContiguousPartsDifferingByAtMostOne() {
    List<Shard.Range> parts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      parts.add(new Shard(i, 4).rangeOf(10, 20));
    }
    assertThat(parts)
        .containsExactly(
            new Shard.Range(10, 13),
            new Shard.Range(13, 16),
            new Shard.Range(16, 18),
            new Shard.Range(18, 20));
    assertThat(new Shard(2, 3).rangeOf(0, 2).isEmpty()).isTrue();
    assertThat(Shard.SINGLE.rangeOf(Long.MIN_VALUE, Long.MAX_VALUE))
        .isEqualTo(new Shard.Range(Long.MIN_VALUE, Long.MAX_VALUE));
    Shard.Range last = new Shard(2, 3).rangeOf(Long.MIN_VALUE, Long.MAX_VALUE);
    assertThat(last.to()).isEqualTo(Long.MAX_VALUE);
  }

  static int ownerOf(long id, int count) {
    for (int i = 0; i < count; i++) {
      if (new Shard(i, count).owns(id)) {
        return i;
      }
    }
    throw new AssertionError("no shard owns " + id);
  }

  static int ownerOf(String key, int count) {
    int owner = -1;
    for (int i = 0; i < count; i++) {
      if (new Shard(i, count).owns(key)) {
        assertThat(owner).as("two shards own " + key).isEqualTo(-1);
        owner = i;
      }
    }
    assertThat(owner).as("no shard owns " + key).isNotNegative();
    return owner;
  }

  static List<Integer> pinnedLongOwners() {
    return List.of(0, 5, 2, 3);
  }

  static List<Integer> pinnedKeyOwners() {
    return List.of(5, 1, 2);
  }
}
