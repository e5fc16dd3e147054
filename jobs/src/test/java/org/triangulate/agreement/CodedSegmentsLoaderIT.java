package org.triangulate.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.triangulate.StoreFixture;

/**
 * Who coded what, read from a real store (H2 and PostgreSQL): the night's coders by provenance kind
 * over every participant turn, an imported project's two coders each over the transcripts they
 * coded, interviewer turns left out, no coder's name in what is read.
 */
class CodedSegmentsLoaderIT {

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void readsEveryCoderWithTheTurnsItSawAndTheCategoriesItGave(String database) throws Exception {
    try (StoreFixture store = new StoreFixture(database)) {
      // given two transcripts, each an interviewer turn and two participant turns
      store.segment("a0", "A", "P1", "interviewer", 0, 10);
      store.segment("a1", "A", "P1", "participant", 10, 50);
      store.segment("a2", "A", "P1", "participant", 50, 90);
      store.segment("b0", "B", "P2", "interviewer", 0, 10);
      store.segment("b1", "B", "P2", "participant", 10, 30);
      store.segment("b2", "B", "P2", "participant", 30, 60);
      store.coding("a1", "pay", "rule:pay");
      store.coding("a1", "pay", "rule:pay_parity");
      store.coding("b2", "training", "rule:training");
      store.coding("a0", "training", "rule:training");
      store.coding("a2", "pay", "item:pay_parity");
      store.coding("a1", "pay", "imported:Tool");
      // Ana coded transcript A (a selection over both participant turns and the interviewer's);
      // Ben coded transcript B only.
      store.selection("g1", "Ana Smith", "pay", "A", 5, 60);
      store.selection("g2", "Ben Jones", "training", "B", 40, 45);

      // when
      CodedSegments coded = new CodedSegmentsLoader(store.jdbc).load("s");

      // then
      assertThat(coded.segments().keySet()).containsExactly("a1", "a2", "b1", "b2");
      assertThat(coded.segments().get("a1").chars()).isEqualTo(40);
      Map<String, CodedSegments.Coder> coders =
          coded.coders().stream().collect(Collectors.toMap(CodedSegments.Coder::name, c -> c));
      assertThat(coders)
          .containsOnlyKeys("rule", "item", "imported:Tool/coder-1", "imported:Tool/coder-2");
      assertThat(coders.get("rule").seen()).containsExactlyInAnyOrder("a1", "a2", "b1", "b2");
      assertThat(coders.get("rule").categories())
          .isEqualTo(Map.of("a1", Set.of("pay"), "b2", Set.of("training")));
      assertThat(coders.get("item").categories()).isEqualTo(Map.of("a2", Set.of("pay")));
      CodedSegments.Coder ana = coders.get("imported:Tool/coder-1");
      assertThat(ana.seen()).containsExactlyInAnyOrder("a1", "a2");
      assertThat(ana.categories()).isEqualTo(Map.of("a1", Set.of("pay"), "a2", Set.of("pay")));
      CodedSegments.Coder ben = coders.get("imported:Tool/coder-2");
      assertThat(ben.seen()).containsExactlyInAnyOrder("b1", "b2");
      assertThat(ben.categories()).isEqualTo(Map.of("b2", Set.of("training")));
    }
  }
}
