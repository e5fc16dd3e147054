package org.triangulate.stats;

import java.util.List;

/**
 * Kruskal–Wallis H test with the correction for ties, p from the chi-square distribution with k − 1
 * degrees of freedom, and epsilon-squared E²_R = H / (n − 1) as effect size (Tomczak &amp; Tomczak
 * 2014; 0 = the groups' rank distributions are alike, 1 = they do not overlap). For two groups H
 * equals the square of the Mann–Whitney normal score without continuity correction. Stateless.
 */
final class KruskalWallis {

  private KruskalWallis() {}

  record Result(double statistic, int degreesOfFreedom, double pValue, double epsilonSquared) {}

  /**
   * @param samples two or more non-empty samples
   * @return null when every value is the same (there is nothing to rank)
   */
  static Result test(List<double[]> samples) {
    return test(RankedSamples.of(samples));
  }

  static Result test(RankedSamples ranked) {
    if (ranked.untiedTerm() == 0) {
      return null;
    }
    double n = ranked.n();
    double meanRank = (n + 1) / 2;
    // Σ n_i (R̄_i − R̄)² rather than Σ R_i² / n_i − 3(n + 1): a sum of squares does not cancel, so
    // groups with equal mean ranks give exactly 0 and small H keeps its relative precision.
    double between = 0;
    for (int i = 0; i < ranked.sizes().length; i++) {
      double deviation = ranked.rankSums()[i] / ranked.sizes()[i] - meanRank;
      between += ranked.sizes()[i] * deviation * deviation;
    }
    double uncorrected = 12 / (n * (n + 1)) * between;
    // divide by 1 − Σ(t³ − t)/(n³ − n), written as an exact integer ratio
    double statistic = uncorrected * ((n * n * n - n) / ranked.untiedTerm());
    int df = ranked.sizes().length - 1;
    return new Result(
        statistic, df, ChiSquareIndependence.upperTail(statistic, df), statistic / (n - 1));
  }
}
