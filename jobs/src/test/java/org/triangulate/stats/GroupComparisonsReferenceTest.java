package org.triangulate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triangulate.stats.ReferenceFixture.assertMatches;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.triangulate.stats.ReferenceFixture.Dataset;
import tools.jackson.databind.JsonNode;

/**
 * Chi-square tests, Cramér's V and Benjamini–Hochberg adjusted p-values against scipy's ({@code
 * chi2_contingency}, {@code contingency.association}, {@code false_discovery_control}).
 */
class GroupComparisonsReferenceTest {

  static List<Dataset> datasets() {
    return ReferenceFixture.datasets();
  }

  @ParameterizedTest
  @MethodSource("datasets")
  void matchesReferenceStatisticDegreesOfFreedomPValuesAndEffectSize(Dataset dataset) {
    // given
    List<JsonNode> expectedRows = ReferenceFixture.stream(dataset.expectedComparisons()).toList();

    // when
    Map<String, GroupComparison> rows = compare(dataset);

    // then
    assertThat(rows.keySet())
        .containsExactlyInAnyOrderElementsOf(expectedRows.stream().map(r -> key(r)).toList());
    for (JsonNode expected : expectedRows) {
      String key = key(expected);
      GroupComparison row = rows.get(key);
      assertThat(row.test()).isEqualTo(HappeningChiSquareTest.NAME);
      assertThat(row.isTested())
          .as(key + " tested")
          .isEqualTo(!expected.get("skipped").asBoolean());
      assertMatches(key + " statistic", row.statistic(), expected.get("statistic"));
      assertThat(row.degreesOfFreedom())
          .as(key + " df")
          .isEqualTo(expected.get("df").isNull() ? null : expected.get("df").asInt());
      assertMatches(key + " p_value", row.pValue(), expected.get("p_value"));
      assertMatches(key + " p_adjusted", row.pAdjusted(), expected.get("p_adjusted"));
      assertMatches(key + " cramers_v", row.effectSize(), expected.get("effect_size"));
      assertThat(row.pMonteCarlo()).as(key + " p_monte_carlo is not computed yet").isNaN();
    }
  }

  @ParameterizedTest
  @MethodSource("datasets")
  void comparesTheReferenceGroupsAndNamesExcludedOnesInTheNote(Dataset dataset) {
    // given
    List<JsonNode> expectedRows = ReferenceFixture.stream(dataset.expectedComparisons()).toList();

    // when
    Map<String, GroupComparison> rows = compare(dataset);

    // then
    for (JsonNode expected : expectedRows) {
      String key = key(expected);
      GroupComparison row = rows.get(key);
      assertThat(row.groups())
          .as(key + " groups")
          .containsExactlyInAnyOrderElementsOf(ReferenceFixture.strings(expected.get("groups")));
      for (String excluded : ReferenceFixture.strings(expected.get("excluded"))) {
        assertThat(row.note()).as(key + " note").contains("excluded").contains(excluded + " (n ");
      }
      if (expected.get("skipped").asBoolean()) {
        assertThat(row.note()).as(key + " note").contains("skipped");
      }
    }
  }

  private static Map<String, GroupComparison> compare(Dataset dataset) {
    return new GroupComparisons(dataset.study())
        .compare(dataset.answers(), dataset.groups()).stream()
            .collect(Collectors.toMap(c -> c.itemId() + "/" + c.grouping(), Function.identity()));
  }

  private static String key(JsonNode row) {
    return row.get("item_id").asString() + "/" + row.get("grouping").asString();
  }
}
