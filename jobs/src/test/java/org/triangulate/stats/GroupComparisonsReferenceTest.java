package org.triangulate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
 * Both group comparisons of every reference dataset against scipy's numbers: answer A by {@code
 * chi2_contingency}, {@code contingency.association} and the exact conditional p (or scipy's Monte
 * Carlo p) behind the Monte Carlo p; answer B by {@code kruskal} and {@code mannwhitneyu}; both
 * adjusted by {@code false_discovery_control}.
 */
class GroupComparisonsReferenceTest {

  static List<Dataset> datasets() {
    return ReferenceFixture.datasetsWithLiveDemo();
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
        .containsExactlyInAnyOrderElementsOf(
            expectedRows.stream().map(GroupComparisonsReferenceTest::key).toList());
    for (JsonNode expected : expectedRows) {
      String key = key(expected);
      GroupComparison row = rows.get(key);
      assertThat(row.test()).as(key + " test").isEqualTo(expected.get("test").asString());
      assertThat(row.isTested())
          .as(key + " tested")
          .isEqualTo(!expected.get("skipped").asBoolean());
      assertMatches(key + " statistic", row.statistic(), expected.get("statistic"));
      assertThat(row.degreesOfFreedom())
          .as(key + " df")
          .isEqualTo(expected.get("df").isNull() ? null : expected.get("df").asInt());
      assertMatches(key + " p_value", row.pValue(), expected.get("p_value"));
      assertMatches(key + " effect_size", row.effectSize(), expected.get("effect_size"));
    }
  }

  @ParameterizedTest
  @MethodSource("datasets")
  void computesAMonteCarloPExactlyWhereExpectedCountsAreSmallAndItEstimatesTheExactP(
      Dataset dataset) {
    // given
    List<JsonNode> expectedRows = ReferenceFixture.stream(dataset.expectedComparisons()).toList();
    int tables = dataset.study().patterns().monteCarloTables();

    // when
    Map<String, GroupComparison> rows = compare(dataset);

    // then
    for (JsonNode expected : expectedRows) {
      String key = key(expected);
      GroupComparison row = rows.get(key);
      if (!expected.get("monte_carlo").asBoolean()) {
        assertThat(row.pMonteCarlo()).as(key + " p_monte_carlo").isNaN();
        continue;
      }
      double reference = expected.get("p_reference").asDouble();
      assertThat(row.pMonteCarlo())
          .as(key + " p_monte_carlo against the " + expected.get("reference").asString() + " p")
          .isCloseTo(
              reference,
              within(
                  ReferenceFixture.monteCarloTolerance(
                      reference, tables, expected.get("reference_tables"))));
      assertThat(row.note()).as(key + " note").contains("p_adjusted from p_monte_carlo");
    }
  }

  @ParameterizedTest
  @MethodSource("datasets")
  void adjustsEachAnswersPValuesAcrossTheItemsOfAGroupingByBenjaminiHochberg(Dataset dataset) {
    // given
    List<JsonNode> expectedRows = ReferenceFixture.stream(dataset.expectedComparisons()).toList();

    // when
    Map<String, GroupComparison> rows = compare(dataset);

    // then: families without Monte Carlo p-values match scipy's adjusted p
    for (JsonNode expected : expectedRows) {
      if (!expected.has("p_adjusted_depends_on_monte_carlo")) {
        assertMatches(
            key(expected) + " p_adjusted",
            rows.get(key(expected)).pAdjusted(),
            expected.get("p_adjusted"));
      }
    }
    // and families with them are adjusted, by the definition, from the p each row rests on
    Map<String, List<GroupComparison>> families =
        rows.values().stream()
            .filter(GroupComparison::isTested)
            .collect(Collectors.groupingBy(c -> c.grouping() + "/" + family(c)));
    families.forEach((family, members) -> {
      double[] p = members.stream().mapToDouble(GroupComparison::pForAdjustment).toArray();
      for (int i = 0; i < p.length; i++) {
        assertThat(members.get(i).pAdjusted())
            .as(family + " " + members.get(i).itemId() + " p_adjusted")
            .isCloseTo(benjaminiHochbergByDefinition(p, i), within(1e-12));
      }
    });
  }

  @ParameterizedTest
  @MethodSource("datasets")
  void reportsTheBiasCorrectedCramersVWhenTheStudyAsksForIt(Dataset dataset) {
    // given
    Dataset corrected =
        new Dataset(
            dataset.name(),
            TestStudy.withBiasCorrectedV(dataset.study()),
            dataset.answers(),
            dataset.groups(),
            dataset.expectedItems(),
            dataset.expectedComparisons());
    List<JsonNode> expectedRows =
        ReferenceFixture.stream(dataset.expectedComparisons())
            .filter(r -> r.get("family").asString().equals("happening"))
            .toList();

    // when
    Map<String, GroupComparison> rows = compare(corrected);

    // then
    for (JsonNode expected : expectedRows) {
      GroupComparison row = rows.get(key(expected));
      assertThat(row.effectMeasure()).isEqualTo("cramers_v_bias_corrected");
      assertMatches(
          key(expected) + " bias-corrected V",
          row.effectSize(),
          expected.get("cramers_v_bias_corrected"));
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
          .containsExactlyElementsOf(ReferenceFixture.strings(expected.get("groups")));
      String n = expected.get("family").asString().equals("happening") ? " (n " : " (importance n ";
      for (String excluded : ReferenceFixture.strings(expected.get("excluded"))) {
        assertThat(row.note()).as(key + " note").contains("excluded").contains(excluded + n);
      }
      if (expected.get("skipped").asBoolean()) {
        assertThat(row.note()).as(key + " note").contains("skipped");
      }
    }
  }

  /** min over j with p_j ≥ p_i of min(1, p_j · m / #{k : p_k ≤ p_j}): the step-up definition. */
  private static double benjaminiHochbergByDefinition(double[] p, int i) {
    double adjusted = 1;
    for (double pj : p) {
      if (pj >= p[i]) {
        long rank = java.util.Arrays.stream(p).filter(pk -> pk <= pj).count();
        adjusted = Math.min(adjusted, pj * p.length / rank);
      }
    }
    return adjusted;
  }

  /** Comparisons are deterministic but not free (Monte Carlo tables): each dataset's once. */
  private static final Map<Object, Map<String, GroupComparison>> COMPARED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Map<String, GroupComparison> compare(Dataset dataset) {
    return COMPARED.computeIfAbsent(
        List.of(dataset.name(), dataset.study().patterns()),
        key ->
            new GroupComparisons(dataset.study())
                .compare(dataset.answers(), dataset.groups()).stream()
                    .collect(
                        Collectors.toMap(
                            c -> c.itemId() + "/" + c.grouping() + "/" + family(c),
                            Function.identity())));
  }

  private static String family(GroupComparison c) {
    return ImportanceComparison.wrote(c) ? "importance" : "happening";
  }

  private static String key(JsonNode row) {
    return row.get("item_id").asString()
        + "/"
        + row.get("grouping").asString()
        + "/"
        + row.get("family").asString();
  }
}
