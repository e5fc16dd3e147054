package org.triangulate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triangulate.stats.ReferenceFixture.assertMatches;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Kruskal–Wallis and Mann–Whitney U on their own, against scipy's {@code kruskal} and {@code
 * mannwhitneyu} (exact or asymptotic with continuity correction, by scipy's own rule): a group of
 * one, ties everywhere, identical values, exact and asymptotic p, a p near 1e-16.
 */
class RankTestsReferenceTest {

  static List<JsonNode> vectors() {
    return ReferenceFixture.rankTests();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void kruskalWallisMatchesScipysTieCorrectedH(JsonNode vector) {
    // given
    List<double[]> samples = samples(vector);
    JsonNode expected = vector.get("expected");

    // when
    KruskalWallis.Result result = KruskalWallis.test(samples);

    // then
    if (expected.isNull()) {
      assertThat(result).as("identical values: nothing to test").isNull();
      return;
    }
    assertMatches("H", result.statistic(), expected.get("h"));
    assertMatches("epsilon squared", result.epsilonSquared(), expected.get("epsilon_squared"));
    assertThat(result.degreesOfFreedom()).isEqualTo(samples.size() - 1);
    if (expected.get("test").asString().equals("kruskal_wallis")) {
      assertMatches("p", result.pValue(), expected.get("p_value"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void mannWhitneyMatchesScipysExactOrAsymptoticP(JsonNode vector) {
    // given
    List<double[]> samples = samples(vector);
    JsonNode expected = vector.get("expected");
    if (samples.size() != 2) {
      return; // Kruskal–Wallis only
    }

    // when
    MannWhitney.Result result = MannWhitney.test(samples.get(0), samples.get(1));

    // then
    if (expected.isNull()) {
      assertThat(result).as("identical values: nothing to test").isNull();
      return;
    }
    assertMatches("U", result.u(), expected.get("statistic"));
    assertMatches("p", result.pValue(), expected.get("p_value"));
    assertThat(result.exact()).as("exact").isEqualTo(expected.get("exact").asBoolean());
  }

  private static List<double[]> samples(JsonNode vector) {
    return ReferenceFixture.stream(vector.get("samples"))
        .map(s -> ReferenceFixture.stream(s).mapToDouble(JsonNode::asDouble).toArray())
        .toList();
  }
}
