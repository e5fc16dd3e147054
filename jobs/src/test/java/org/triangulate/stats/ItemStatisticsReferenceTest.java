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
import org.triangulate.study.Happening;
import tools.jackson.databind.JsonNode;

/** Item statistics against the scipy/numpy reference values of {@code make_reference.py}. */
class ItemStatisticsReferenceTest {

  static List<Dataset> datasets() {
    return ReferenceFixture.datasetsWithLiveDemo();
  }

  @ParameterizedTest
  @MethodSource("datasets")
  void producesExactlyTheReferenceRows(Dataset dataset) {
    // given
    List<String> expectedKeys =
        ReferenceFixture.stream(dataset.expectedItems())
            .map(ItemStatisticsReferenceTest::key)
            .toList();

    // when
    List<ItemGroupStats> rows =
        new ItemStatistics(dataset.study()).compute(dataset.answers(), dataset.groups());

    // then
    assertThat(rows.stream().map(ItemStatisticsReferenceTest::key))
        .containsExactlyInAnyOrderElementsOf(expectedKeys);
  }

  @ParameterizedTest
  @MethodSource("datasets")
  void matchesReferenceCountsPercentagesIntervalsAndImportance(Dataset dataset) {
    // given
    List<JsonNode> expectedRows = ReferenceFixture.stream(dataset.expectedItems()).toList();

    // when
    Map<String, ItemGroupStats> rows =
        new ItemStatistics(dataset.study())
            .compute(dataset.answers(), dataset.groups()).stream()
                .collect(Collectors.toMap(ItemStatisticsReferenceTest::key, Function.identity()));

    // then
    assertThat(expectedRows).isNotEmpty();
    for (JsonNode expected : expectedRows) {
      String key = key(expected);
      ItemGroupStats row = rows.get(key);
      assertThat(row).as(key).isNotNull();
      assertThat(row.domain()).as(key + " domain").isEqualTo(expected.get("domain").asString());
      assertThat(row.n()).as(key + " n").isEqualTo(expected.get("n").asInt());
      for (Happening h : Happening.values()) {
        assertThat(row.counts().count(h))
            .as(key + " n_" + h.code())
            .isEqualTo(expected.get("n_" + h.code()).asInt());
        assertMatches(key + " pct_" + h.code(), row.pct(h), expected.get("pct_" + h.code()));
      }
      assertMatches(key + " pct_yes_ci_low", row.pctYesCi().low(), expected.get("pct_yes_ci_low"));
      assertMatches(
          key + " pct_yes_ci_high", row.pctYesCi().high(), expected.get("pct_yes_ci_high"));
      assertMatches(key + " in_place_share", row.inPlaceShare(), expected.get("in_place_share"));
      assertMatches(
          key + " in_place_or_partly_share",
          row.inPlaceOrPartlyShare(),
          expected.get("in_place_or_partly_share"));
      assertMatches(
          key + " importance_median", row.importance().median(), expected.get("importance_median"));
      assertThat(row.importance().n())
          .as(key + " importance_n")
          .isEqualTo(expected.get("importance_n").asInt());
      assertMatches(
          key + " importance_mean", row.importance().mean(), expected.get("importance_mean"));
      assertMatches(key + " importance_sd", row.importance().sd(), expected.get("importance_sd"));
      assertMatches(
          key + " importance_ci_low",
          row.importance().meanCi().low(),
          expected.get("importance_ci_low"));
      assertMatches(
          key + " importance_ci_high",
          row.importance().meanCi().high(),
          expected.get("importance_ci_high"));
      assertThat(row.belowMinN())
          .as(key + " below_min_n")
          .isEqualTo(expected.get("below_min_n").asBoolean());
    }
  }

  private static String key(ItemGroupStats row) {
    return row.itemId() + "/" + row.grouping() + "/" + row.group();
  }

  private static String key(JsonNode row) {
    return row.get("item_id").asString()
        + "/"
        + row.get("grouping").asString()
        + "/"
        + row.get("group").asString();
  }
}
