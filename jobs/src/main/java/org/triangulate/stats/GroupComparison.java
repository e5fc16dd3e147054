package org.triangulate.stats;

import java.util.List;

/**
 * One test of whether answers to an item differ between the groups of a grouping. Numbers are NaN
 * (and {@code degreesOfFreedom} null) when the test was skipped; {@code note} then says why, and
 * otherwise records groups left out or caveats. Immutable.
 *
 * @param test what was tested, e.g. {@value HappeningComparison#NAME}
 * @param groups the groups the test compared (those with enough answers)
 * @param pMonteCarlo a simulated exact p-value, NaN when the test did not need one
 * @param pAdjusted Benjamini–Hochberg adjusted {@link #pForAdjustment()} across the items of the
 *     grouping, for this test
 * @param effectMeasure the name of {@code effectSize}'s measure, e.g. {@code cramers_v}
 */
public record GroupComparison(
    String itemId,
    String grouping,
    String test,
    List<String> groups,
    double statistic,
    Integer degreesOfFreedom,
    double pValue,
    double pMonteCarlo,
    double pAdjusted,
    double effectSize,
    String effectMeasure,
    String note) {

  public GroupComparison {
    groups = List.copyOf(groups);
  }

  /** A test that could not be run, with the reason. */
  public static GroupComparison skipped(
      String itemId,
      String grouping,
      String test,
      List<String> groups,
      String effectMeasure,
      String note) {
    return new GroupComparison(
        itemId,
        grouping,
        test,
        groups,
        Double.NaN,
        null,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        effectMeasure,
        note);
  }

  public boolean isTested() {
    return !Double.isNaN(pValue);
  }

  /**
   * The p-value decisions rest on: the Monte Carlo p where the test computed one (because the
   * asymptotic p was doubtful), else the test's p.
   */
  public double pForAdjustment() {
    return Double.isNaN(pMonteCarlo) ? pValue : pMonteCarlo;
  }

  public GroupComparison withPAdjusted(double adjusted) {
    return new GroupComparison(
        itemId,
        grouping,
        test,
        groups,
        statistic,
        degreesOfFreedom,
        pValue,
        pMonteCarlo,
        adjusted,
        effectSize,
        effectMeasure,
        note);
  }
}
