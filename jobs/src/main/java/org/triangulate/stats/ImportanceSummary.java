package org.triangulate.stats;

import java.util.Collection;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Answer B over a set of answers: n of non-blank importances, mean, sample SD (n − 1), median (the
 * mean of the two middle values when n is even) and the 95% t interval of the mean. Mean and median
 * are NaN when n is 0; SD and interval are NaN when n is below 2. Immutable.
 */
public record ImportanceSummary(int n, double mean, double sd, double median, Interval meanCi) {

  /** Summarises the non-null importances. */
  public static ImportanceSummary of(Collection<Integer> importances) {
    double[] values =
        importances.stream().filter(v -> v != null).mapToDouble(Integer::doubleValue).toArray();
    int n = values.length;
    if (n == 0) {
      return new ImportanceSummary(0, Double.NaN, Double.NaN, Double.NaN, Interval.UNDEFINED);
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    // Commons Math's default (legacy) estimator at the 50th percentile is the textbook median.
    double median = new Median().evaluate(values);
    if (n < 2) {
      return new ImportanceSummary(n, mean, Double.NaN, median, Interval.UNDEFINED);
    }
    // two passes (mean first, then squared deviations) avoid the cancellation of sum-of-squares
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    return new ImportanceSummary(n, mean, sd, median, ConfidenceIntervals.mean(mean, sd, n));
  }
}
