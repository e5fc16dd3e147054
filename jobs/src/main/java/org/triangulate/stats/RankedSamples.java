package org.triangulate.stats;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Samples pooled and ranked together (Commons Math's {@link NaturalRanking}, ties sharing their
 * average rank), with what the rank tests need: each sample's rank sum and the tie term Σ (t³ − t)
 * over groups of t tied values. Immutable.
 *
 * @param rankSums rank sum of each sample, in the given order
 * @param sizes each sample's size
 * @param n total size
 * @param tieTerm Σ (t³ − t) over tied groups, exact as an integer
 */
record RankedSamples(double[] rankSums, int[] sizes, int n, long tieTerm) {

  private static final NaturalRanking RANKING =
      new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);

  static RankedSamples of(List<double[]> samples) {
    int n = samples.stream().mapToInt(s -> s.length).sum();
    double[] pooled = new double[n];
    int[] sizes = new int[samples.size()];
    int at = 0;
    for (int i = 0; i < samples.size(); i++) {
      double[] sample = samples.get(i);
      System.arraycopy(sample, 0, pooled, at, sample.length);
      sizes[i] = sample.length;
      at += sample.length;
    }
    double[] ranks = RANKING.rank(pooled);
    double[] rankSums = new double[samples.size()];
    at = 0;
    for (int i = 0; i < sizes.length; i++) {
      for (int k = 0; k < sizes[i]; k++) {
        rankSums[i] += ranks[at++];
      }
    }
    return new RankedSamples(rankSums, sizes, n, tieTerm(pooled));
  }

  /** Whether any two values are equal. */
  boolean hasTies() {
    return tieTerm > 0;
  }

  /** n³ − n − Σ (t³ − t): zero exactly when every value is the same. */
  long untiedTerm() {
    return (long) n * n * n - n - tieTerm;
  }

  private static long tieTerm(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    long term = 0;
    int start = 0;
    for (int i = 1; i <= sorted.length; i++) {
      if (i == sorted.length || sorted[i] != sorted[start]) {
        long t = i - start;
        term += t * t * t - t;
        start = i;
      }
    }
    return term;
  }
}
