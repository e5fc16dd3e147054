package org.triangulate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The Monte Carlo p of the chi-square test against the exact conditional p that {@code
 * make_reference.py} enumerates (checked there against scipy's own Monte Carlo p). Random streams
 * differ between the two, so agreement is within the estimate's binomial error ({@link
 * ReferenceFixture#monteCarloTolerance}).
 */
class MonteCarloChiSquareTest {

  private static final int TABLES = 10_000;

  static List<JsonNode> tables() {
    return ReferenceFixture.monteCarloTables();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void estimatesTheExactConditionalPWithinItsBinomialError(JsonNode reference) {
    // given
    long[][] table = table(reference);
    double exact = reference.get("p_reference").asDouble();

    // when
    double p =
        MonteCarloChiSquare.pValue(
            table, TABLES, MonteCarloChiSquare.generator(1L, "item", "grouping"));

    // then
    assertThat(p)
        .isCloseTo(
            exact,
            within(
                ReferenceFixture.monteCarloTolerance(
                    exact, TABLES, reference.get("reference_tables"))));
  }

  @Test
  void givesTheSamePForTheSameSeedItemAndGroupingAndAnotherForAnotherSeed() {
    // given: a table whose p is far from 0 and 1, so different streams give different estimates
    long[][] table = {{3, 1, 0, 1, 0}, {0, 2, 3, 0, 1}, {1, 1, 1, 2, 0}};

    // when
    double first = pValue(table, 7L, "item_a");
    double again = pValue(table, 7L, "item_a");
    double otherSeed = pValue(table, 8L, "item_a");
    double otherItem = pValue(table, 7L, "item_b");

    // then
    assertThat(again).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
    assertThat(otherItem).isNotEqualTo(first);
  }

  @Test
  void neverGivesZeroEvenWhenNoRandomTableIsAsExtreme() {
    // given: complete separation; by hand the exact p is 1 / (18! / (6!)³ ) · 3! ≈ 3.5e-7
    long[][] table = {{6, 0, 0}, {0, 6, 0}, {0, 0, 6}};

    // when
    double p = pValue(table, 1L, "item");

    // then: at least the observed table itself, out of 10,001
    assertThat(p).isGreaterThanOrEqualTo(1.0 / (TABLES + 1));
  }

  @ParameterizedTest(name = "below {0}")
  @ValueSource(ints = {1, 2, 7, 138, 1_000_003})
  void drawsEveryIntBelowTheBoundAlikeTwoFromEach64BitDraw(int bound) {
    // given
    MonteCarloChiSquare.BoundedDraws draws =
        new MonteCarloChiSquare.BoundedDraws(MonteCarloChiSquare.generator(3L, "item", "grouping"));
    int cells = Math.min(bound, 50);
    long[] observed = new long[cells];
    int n = 500_000;

    // when: n draws, counted in `cells` equal bins of the range
    for (int i = 0; i < n; i++) {
      int value = draws.below(bound);
      assertThat(value).isBetween(0, bound - 1);
      observed[(int) ((long) value * cells / bound)]++;
    }

    // then the bins are as even as uniform draws make them (Pearson's goodness of fit)
    if (cells > 1) {
      double[] expected = new double[cells];
      for (int c = 0; c < cells; c++) {
        // values v with floor(v · cells / bound) = c
        long first = ((long) c * bound + cells - 1) / cells;
        long next = ((long) (c + 1) * bound + cells - 1) / cells;
        expected[c] = (double) n * (next - first) / bound;
      }
      assertThat(new ChiSquareTest().chiSquareTest(expected, observed)).isGreaterThan(0.001);
    }
  }

  @Test
  void drawsAgainstTheLargestMarginTurningTheTableWhenThatIsAColumn() {
    // given: row totals 6 and 6, column totals 9, 2 and 1
    long[][] table = {{5, 1, 0}, {4, 1, 1}};

    // when
    long[][] oriented = MonteCarloChiSquare.withLargestMarginLast(table);

    // then: columns became rows, and the one totalling 9 comes last
    assertThat(oriented).isDeepEqualTo(new long[][] {{0, 1}, {1, 1}, {5, 4}});
  }

  @Test
  void keepsATableWhoseLargestMarginIsARowAndMovesThatRowLast() {
    // given: row totals 12 and 3, column totals 4 and 11
    long[][] table = {{3, 9}, {1, 2}};

    // when
    long[][] oriented = MonteCarloChiSquare.withLargestMarginLast(table);

    // then
    assertThat(oriented).isDeepEqualTo(new long[][] {{1, 2}, {3, 9}});
    assertThat(table).as("the caller's table").isDeepEqualTo(new long[][] {{3, 9}, {1, 2}});
  }

  private static double pValue(long[][] table, long seed, String item) {
    return MonteCarloChiSquare.pValue(
        table, TABLES, MonteCarloChiSquare.generator(seed, item, "grouping"));
  }

  private static long[][] table(JsonNode reference) {
    return ReferenceFixture.stream(reference.get("table"))
        .map(row -> ReferenceFixture.stream(row).mapToLong(JsonNode::asLong).toArray())
        .toArray(long[][]::new);
  }
}
