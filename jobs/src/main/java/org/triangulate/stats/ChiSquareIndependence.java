package org.triangulate.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * Pearson's chi-square test of independence on a contingency table (no continuity correction), with
 * Cramér's V, plain and bias-corrected. All-zero rows and columns are dropped first, since they
 * carry no information and make expected counts zero. Stateless; thread-safe.
 */
final class ChiSquareIndependence {

  /** Expected counts below this make the asymptotic p-value doubtful (the usual rule of thumb). */
  static final double SMALL_EXPECTED = 5;

  private ChiSquareIndependence() {}

  /**
   * Outcome on the reduced table.
   *
   * @param table the reduced table (kept rows × kept columns), which a Monte Carlo test resamples
   * @param keptRows indices of the input rows that were kept
   * @param cramersVBiasCorrected Bergsma's (2013) bias-corrected V; NaN when the table is too small
   *     for the correction (its corrected dimensions leave nothing)
   * @param smallExpectedCells cells of the reduced table with expected count below {@value
   *     #SMALL_EXPECTED}
   */
  record Result(
      long[][] table,
      double statistic,
      int degreesOfFreedom,
      double pValue,
      double cramersV,
      double cramersVBiasCorrected,
      List<Integer> keptRows,
      int smallExpectedCells) {

    int keptColumns() {
      return table[0].length;
    }
  }

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
    long[][] table = new long[rows.size()][columns.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < columns.size(); j++) {
        table[i][j] = observed[rows.get(i)][columns.get(j)];
      }
    }
    Expected expected = Expected.of(table);
    double statistic = statistic(table, expected);
    int smallExpected = 0;
    for (double[] row : expected.counts()) {
      for (double e : row) {
        if (e < SMALL_EXPECTED) {
          smallExpected++;
        }
      }
    }
    int r = rows.size();
    int c = columns.size();
    double n = expected.n();
    int df = (r - 1) * (c - 1);
    double v = Math.sqrt(statistic / (n * (Math.min(r, c) - 1)));
    return new Result(
        table,
        statistic,
        df,
        upperTail(statistic, df),
        v,
        biasCorrectedV(statistic, n, r, c),
        List.copyOf(rows),
        smallExpected);
  }

  /** Row totals × column totals / n, for every cell, and n. */
  record Expected(double[][] counts, double n) {
    static Expected of(long[][] table) {
      int rows = table.length;
      int columns = table[0].length;
      double[] rowTotals = new double[rows];
      double[] columnTotals = new double[columns];
      double n = 0;
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < columns; j++) {
          rowTotals[i] += table[i][j];
          columnTotals[j] += table[i][j];
          n += table[i][j];
        }
      }
      double[][] counts = new double[rows][columns];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < columns; j++) {
          counts[i][j] = rowTotals[i] * columnTotals[j] / n;
        }
      }
      return new Expected(counts, n);
    }
  }

  /** Pearson's X² of a table against expected counts of the same shape. */
  static double statistic(long[][] table, Expected expected) {
    double statistic = 0;
    for (int i = 0; i < table.length; i++) {
      for (int j = 0; j < table[i].length; j++) {
        double e = expected.counts()[i][j];
        double deviation = table[i][j] - e;
        statistic += deviation * deviation / e;
      }
    }
    return statistic;
  }

  /**
   * Bergsma (2013): φ² less its expected value under independence, over dimensions shrunk the same
   * way, so small tables do not show association where there is none.
   */
  static double biasCorrectedV(double statistic, double n, int rows, int columns) {
    if (n <= 1) {
      return Double.NaN;
    }
    double phi2 = Math.max(0, statistic / n - (rows - 1.0) * (columns - 1.0) / (n - 1));
    double r = rows - (rows - 1.0) * (rows - 1.0) / (n - 1);
    double c = columns - (columns - 1.0) * (columns - 1.0) / (n - 1);
    double denominator = Math.min(r - 1, c - 1);
    return denominator > 0 ? Math.sqrt(phi2 / denominator) : Double.NaN;
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
