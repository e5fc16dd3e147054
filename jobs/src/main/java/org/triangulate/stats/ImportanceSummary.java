package org.triangulate.stats;

import java.util.Collection;

/**
 * Answer B over a set of answers: n of non-blank importances, mean, sample SD (n − 1) and the 95% t
 * interval of the mean. Mean is NaN when n is 0; SD and interval are NaN when n is below 2.
 * Immutable.
 */
public record ImportanceSummary(int n, double mean, double sd, Interval meanCi) {

  /** Summarises the non-null importances. */
  public static ImportanceSummary of(Collection<Integer> importances) {
    double[] values =
        importances.stream().filter(v -> v != null).mapToDouble(Integer::doubleValue).toArray();
    int n = values.length;
    if (n == 0) {
      return new ImportanceSummary(0, Double.NaN, Double.NaN, Interval.UNDEFINED);
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    if (n < 2) {
      return new ImportanceSummary(n, mean, Double.NaN, Interval.UNDEFINED);
    }
    // two passes (mean first, then squared deviations) avoid the cancellation of sum-of-squares
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    return new ImportanceSummary(n, mean, sd, ConfidenceIntervals.mean(mean, sd, n));
  }
}
