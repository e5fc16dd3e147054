package org.triangulate.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * 95% confidence intervals: Wilson score interval of a proportion and Student t interval of a mean.
 * Quantiles come from Commons Math. Thread-safe (t quantiles are cached per degrees of freedom).
 */
final class ConfidenceIntervals {

  static final double LEVEL = 0.95;

  /** Standard normal quantile for a two-sided 95% interval (≈ 1.96). */
  static final double Z =
      new NormalDistribution().inverseCumulativeProbability(1 - (1 - LEVEL) / 2);

  /**
   * Commons Math's default inverse accuracy for t (1e-9 absolute) is coarser than the reference
   * values the tests hold it to, so the solver is asked for near machine precision instead.
   */
  private static final double T_INVERSE_ACCURACY = 1e-14;

  private static final Map<Integer, Double> T_QUANTILES = new ConcurrentHashMap<>();

  private ConfidenceIntervals() {}

  /** Wilson score interval of {@code successes / n} as proportions 0..1; undefined when n is 0. */
  static Interval wilson(int successes, int n) {
    if (n <= 0) {
      return Interval.UNDEFINED;
    }
    double p = (double) successes / n;
    double z2 = Z * Z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /** t interval of a mean from n observations with sample SD {@code sd}; undefined when n < 2. */
  static Interval mean(double mean, double sd, int n) {
    if (n < 2) {
      return Interval.UNDEFINED;
    }
    double half = tQuantile(n - 1) * sd / Math.sqrt(n);
    return new Interval(mean - half, mean + half);
  }

  private static double tQuantile(int degreesOfFreedom) {
    return T_QUANTILES.computeIfAbsent(
        degreesOfFreedom,
        df ->
            new TDistribution(df, T_INVERSE_ACCURACY)
                .inverseCumulativeProbability(1 - (1 - LEVEL) / 2));
  }
}
