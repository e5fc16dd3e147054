package org.triangulate.stats;

import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Two-sided Mann–Whitney U test. The p-value is exact (the distribution of U under the null,
 * counted) when there are no ties and one sample has at most {@value #EXACT_MAX_SMALLER_N} values;
 * otherwise it is the normal approximation with continuity and tie correction. That is scipy's
 * {@code mannwhitneyu(method='auto')} rule. Commons Math's own {@code MannWhitneyUTest} corrects
 * for neither, hence this class. Stateless.
 */
final class MannWhitney {

  /** Largest smaller sample for which the exact distribution is used (when nothing is tied). */
  static final int EXACT_MAX_SMALLER_N = 8;

  private MannWhitney() {}

  /**
   * @param u U of the first sample: pairs in which its value is the larger, ties counting ½
   * @param exact whether p is exact or the normal approximation
   */
  record Result(double u, double pValue, boolean exact) {}

  /**
   * @return null when every value is the same (U carries no information)
   */
  static Result test(double[] x, double[] y) {
    RankedSamples ranked = RankedSamples.of(List.of(x, y));
    if (ranked.untiedTerm() == 0) {
      return null;
    }
    int n1 = x.length;
    int n2 = y.length;
    double u1 = ranked.rankSums()[0] - n1 * (n1 + 1) / 2.0;
    // two-sided: the larger of U1 and U2 = n1·n2 − U1, in the upper tail
    double u = Math.max(u1, (double) n1 * n2 - u1);
    boolean exact = !ranked.hasTies() && Math.min(n1, n2) <= EXACT_MAX_SMALLER_N;
    double p = exact ? 2 * exactUpperTail((int) u, n1, n2) : 2 * normalUpperTail(u, n1, n2, ranked);
    return new Result(u1, Math.min(1, p), exact);
  }

  /** P(U ≥ u), normal approximation with continuity correction and tie-corrected variance. */
  private static double normalUpperTail(double u, int n1, int n2, RankedSamples ranked) {
    double n = n1 + n2;
    double mean = n1 * (double) n2 / 2;
    // n1·n2/12 · ((n + 1) − Σ(t³ − t)/(n(n − 1))), with the tie term kept an exact integer
    double variance = n1 * (double) n2 * ranked.untiedTerm() / (12 * n * (n - 1));
    double z = (u - mean - 0.5) / Math.sqrt(variance);
    // upper tail of the standard normal; erfc keeps relative precision far into the tail
    return 0.5 * Erf.erfc(z / Math.sqrt(2));
  }

  /**
   * P(U ≥ u) without ties: the number of orderings of n1 x's and n2 y's in which U is at least u,
   * over all C(n1 + n2, n1) orderings. w(i, j, v), the orderings of i x's and j y's with U = v,
   * follows from the largest element: an x, which beats all j y's, or a y, which beats no x; so
   * w(i, j, v) = w(i − 1, j, v − j) + w(i, j − 1, v).
   */
  static double exactUpperTail(int u, int n1, int n2) {
    int max = n1 * n2;
    // counts[i][v] = w(i, j, v) for the current j
    double[][] counts = new double[n1 + 1][max + 1];
    for (int i = 0; i <= n1; i++) {
      counts[i][0] = 1; // j = 0: one ordering, U = 0
    }
    for (int j = 1; j <= n2; j++) {
      for (int i = 1; i <= n1; i++) {
        // counts[i] still holds w(i, j − 1, ·); counts[i − 1] already holds w(i − 1, j, ·)
        for (int v = max; v >= j; v--) {
          counts[i][v] += counts[i - 1][v - j];
        }
      }
    }
    double atLeast = 0;
    for (int v = Math.max(u, 0); v <= max; v++) {
      atLeast += counts[n1][v];
    }
    return atLeast / CombinatoricsUtils.binomialCoefficientDouble(n1 + n2, n1);
  }
}
