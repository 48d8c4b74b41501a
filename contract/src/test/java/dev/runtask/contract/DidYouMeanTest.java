package dev.runtask.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
  @Test
  void closest_typo_closestFirst() {
    assertThat(DidYouMean.closest("sleeep", List.of("hello-world", "sleep", "import-sales")))
        .containsExactly("sleep");
    assertThat(DidYouMean.closest("--nmae", List.of("--name", "-n", "--seconds")))
        .containsExactly("--name");
  }

  @Test
  void closest_swappedLetters_oneEdit() {
    assertThat(DidYouMean.closest("rnu", List.of("run", "render", "tasks"))).containsExactly("run");
  }

  @Test
  void closest_differentCaseOrDashes_stillFound() {
    assertThat(DidYouMean.closest("Staging", List.of("local", "staging", "production")))
        .containsExactly("staging");
    assertThat(DidYouMean.closest("-name", List.of("--name"))).containsExactly("--name");
  }

  @Test
  void closest_partOfALongerName_found() {
    assertThat(DidYouMean.closest("hello", List.of("hello-world", "sleep")))
        .containsExactly("hello-world");
  }

  @Test
  void closest_farFromEverything_none() {
    assertThat(DidYouMean.closest("completely-different", List.of("run", "render"))).isEmpty();
    assertThat(DidYouMean.closest("-x", List.of("--name", "--seconds"))).isEmpty();
  }

  @Test
  void suffix_oneOrSeveral_quotedInOneClause() {
    assertThat(DidYouMean.suffix("stagin", List.of("staging", "local")))
        .isEqualTo(" — did you mean \"staging\"?");
    assertThat(DidYouMean.suffix("rn", List.of("run", "rm", "render")))
        .isEqualTo(" — did you mean \"rm\" or \"run\"?");
    assertThat(DidYouMean.suffix("zzz", List.of("run"))).isEmpty();
  }
}
