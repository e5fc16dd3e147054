package org.triangulate.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * Pearson's chi-square test of independence on a contingency table (no continuity correction), with
 * Cramér's V. All-zero rows and columns are dropped first, since they carry no information and make
 * expected counts zero. Stateless; thread-safe.
 */
final class ChiSquareIndependence {

  /** Expected counts below this make the asymptotic p-value doubtful (the usual rule of thumb). */
  static final double SMALL_EXPECTED = 5;

  private ChiSquareIndependence() {}

  /**
   * Outcome on the reduced table.
   *
   * @param keptRows indices of the input rows that were kept
   * @param smallExpectedCells cells of the reduced table with expected count below {@value
   *     #SMALL_EXPECTED}
   */
  record Result(
      double statistic,
      int degreesOfFreedom,
      double pValue,
      double cramersV,
      List<Integer> keptRows,
      int keptColumns,
      int smallExpectedCells) {}

  /** Tests the table, or returns null when fewer than 2 rows or 2 columns are non-zero. */
  static Result test(long[][] observed) {
    List<Integer> rows = new ArrayList<>();
    List<Integer> columns = new ArrayList<>();
    int width = observed.length == 0 ? 0 : observed[0].length;
    for (int r = 0; r < observed.length; r++) {
      if (sum(observed[r]) > 0) {
        rows.add(r);
      }
    }
    for (int c = 0; c < width; c++) {
      long total = 0;
      for (long[] row : observed) {
        total += row[c];
      }
      if (total > 0) {
        columns.add(c);
      }
    }
    if (rows.size() < 2 || columns.size() < 2) {
      return null;
    }
    double[] rowTotals = new double[rows.size()];
    double[] columnTotals = new double[columns.size()];
    double n = 0;
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < columns.size(); j++) {
        long o = observed[rows.get(i)][columns.get(j)];
        rowTotals[i] += o;
        columnTotals[j] += o;
        n += o;
      }
    }
    double statistic = 0;
    int smallExpected = 0;
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < columns.size(); j++) {
        double expected = rowTotals[i] * columnTotals[j] / n;
        double deviation = observed[rows.get(i)][columns.get(j)] - expected;
        statistic += deviation * deviation / expected;
        if (expected < SMALL_EXPECTED) {
          smallExpected++;
        }
      }
    }
    int df = (rows.size() - 1) * (columns.size() - 1);
    double v = Math.sqrt(statistic / (n * (Math.min(rows.size(), columns.size()) - 1)));
    return new Result(
        statistic,
        df,
        upperTail(statistic, df),
        v,
        List.copyOf(rows),
        columns.size(),
        smallExpected);
  }

  /**
   * P(X ≥ statistic) for X ~ chi-square(df). Commons Math's {@code ChiSquaredDistribution} CDF is
   * the regularized gamma P(df/2, x/2); its complement Q is taken from Commons Math's {@link Gamma}
   * directly, because {@code 1 − cdf} keeps only absolute precision: a p-value of 3e-12 comes out
   * 1e-5 off relative to itself (the reference test catches that).
   */
  static double upperTail(double statistic, int df) {
    return Gamma.regularizedGammaQ(df / 2.0, statistic / 2.0);
  }

  private static long sum(long[] row) {
    long total = 0;
    for (long v : row) {
      total += v;
    }
    return total;
  }
}
