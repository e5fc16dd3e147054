package org.triangulate.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.triangulate.study.Happening;
import org.triangulate.study.Study;

/**
 * Chi-square test of independence of group × answer-A code, with Cramér's V (plain, or
 * bias-corrected when the study asks for it) as effect size.
 *
 * <p>Groups with fewer answers than the minimum group n are left out (and named in the note); codes
 * nobody in the remaining groups used are dropped. The test is skipped, with a note, when fewer
 * than 2 groups or 2 codes remain. When any expected count is below {@value
 * ChiSquareIndependence#SMALL_EXPECTED} the asymptotic p is doubtful, so a seeded Monte Carlo p
 * ({@link MonteCarloChiSquare}) is computed too, and that is the p Benjamini–Hochberg adjusts
 * ({@link GroupComparison#pForAdjustment()}). Immutable; thread-safe.
 */
public final class HappeningComparison implements GroupDifferenceMethod {

  public static final String NAME = "chi_square";
  public static final String EFFECT_MEASURE = "cramers_v";
  public static final String EFFECT_MEASURE_BIAS_CORRECTED = "cramers_v_bias_corrected";

  private final int minGroupN;
  private final boolean biasCorrected;
  private final int monteCarloTables;
  private final long monteCarloSeed;

  public HappeningComparison(
      int minGroupN, boolean biasCorrected, int monteCarloTables, long monteCarloSeed) {
    this.minGroupN = minGroupN;
    this.biasCorrected = biasCorrected;
    this.monteCarloTables = monteCarloTables;
    this.monteCarloSeed = monteCarloSeed;
  }

  /** The test as the study's {@code patterns:} section configures it. */
  public static HappeningComparison of(Study.PatternThresholds thresholds) {
    return new HappeningComparison(
        thresholds.minGroupN(),
        thresholds.cramersVBiasCorrected(),
        thresholds.monteCarloTables(),
        thresholds.monteCarloSeed());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public GroupComparison compare(
      String itemId, String grouping, SortedMap<String, List<Answer>> answersByGroup) {
    String measure = biasCorrected ? EFFECT_MEASURE_BIAS_CORRECTED : EFFECT_MEASURE;
    MinimumGroupSize.Split<HappeningCounts> split =
        MinimumGroupSize.split(
            answersByGroup,
            answers -> HappeningCounts.of(answers.stream().map(Answer::happening).toList()),
            HappeningCounts::n,
            minGroupN,
            "n");
    List<String> notes = new ArrayList<>(split.notes());
    if (split.kept().size() < 2) {
      notes.add("skipped: fewer than 2 groups with n >= " + minGroupN);
      return GroupComparison.skipped(
          itemId, grouping, NAME, split.keptGroups(), measure, String.join("; ", notes));
    }
    ChiSquareIndependence.Result result = ChiSquareIndependence.test(table(split.kept()));
    if (result == null) {
      notes.add("skipped: fewer than 2 answer codes used");
      return GroupComparison.skipped(
          itemId, grouping, NAME, split.keptGroups(), measure, String.join("; ", notes));
    }
    double pMonteCarlo = Double.NaN;
    if (result.smallExpectedCells() > 0) {
      int cells = result.keptRows().size() * result.keptColumns();
      pMonteCarlo =
          MonteCarloChiSquare.pValue(
              result.table(),
              monteCarloTables,
              MonteCarloChiSquare.generator(monteCarloSeed, itemId, grouping));
      notes.add(
          result.smallExpectedCells()
              + " of "
              + cells
              + " expected counts < "
              + (int) ChiSquareIndependence.SMALL_EXPECTED
              + ": p_adjusted from p_monte_carlo ("
              + monteCarloTables
              + " tables, seed "
              + monteCarloSeed
              + ")");
    }
    double effect = biasCorrected ? result.cramersVBiasCorrected() : result.cramersV();
    if (Double.isNaN(effect)) {
      notes.add("bias-corrected V undefined for so few answers");
    }
    List<String> tested = result.keptRows().stream().map(split.keptGroups()::get).toList();
    return new GroupComparison(
        itemId,
        grouping,
        NAME,
        tested,
        result.statistic(),
        result.degreesOfFreedom(),
        result.pValue(),
        pMonteCarlo,
        Double.NaN,
        effect,
        measure,
        String.join("; ", notes));
  }

  private static long[][] table(List<HappeningCounts> counts) {
    Happening[] codes = Happening.values();
    long[][] table = new long[counts.size()][codes.length];
    for (int r = 0; r < counts.size(); r++) {
      for (int c = 0; c < codes.length; c++) {
        table[r][c] = counts.get(r).count(codes[c]);
      }
    }
    return table;
  }
}
