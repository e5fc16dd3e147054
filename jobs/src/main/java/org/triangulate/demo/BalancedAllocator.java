package org.triangulate.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Draws one category per unit (participant) so that, within every stratum of every dimension (each
 * case, each stakeholder group), the counts stay within about one of what the units' target
 * distributions expect. Units are visited in random order; each takes the category furthest behind
 * its expected count in its strata, with a little noise so equal deficits break at random. Plain
 * independent draws would let chance alone create group differences in nine-person cases; this
 * keeps planted differences planted and the negative controls flat. Stateless.
 */
final class BalancedAllocator {

  private static final double NOISE = 0.9;

  private BalancedAllocator() {}

  /**
   * @param targets per unit, weights over the categories (zero: never drawn)
   * @param strata per unit, its stratum index in each dimension
   * @param strataCounts how many strata each dimension has
   * @return per unit, the chosen category
   */
  static int[] allocate(
      List<double[]> targets, List<int[]> strata, int[] strataCounts, RandomGenerator random) {
    int units = targets.size();
    int categories = units == 0 ? 0 : targets.get(0).length;
    double[][][] expected = new double[strataCounts.length][][];
    int[][][] assigned = new int[strataCounts.length][][];
    for (int d = 0; d < strataCounts.length; d++) {
      expected[d] = new double[strataCounts[d]][categories];
      assigned[d] = new int[strataCounts[d]][categories];
    }
    int[] chosen = new int[units];
    for (int unit : Draw.shuffled(random, range(units))) {
      double[] p = normalised(targets.get(unit));
      int[] unitStrata = strata.get(unit);
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < categories; c++) {
        if (p[c] <= 0) {
          continue;
        }
        double score = NOISE * random.nextDouble();
        for (int d = 0; d < unitStrata.length; d++) {
          int s = unitStrata[d];
          score += expected[d][s][c] + p[c] - assigned[d][s][c];
        }
        if (score > bestScore) {
          bestScore = score;
          best = c;
        }
      }
      chosen[unit] = best;
      for (int d = 0; d < unitStrata.length; d++) {
        int s = unitStrata[d];
        for (int c = 0; c < categories; c++) {
          expected[d][s][c] += p[c];
        }
        assigned[d][s][best]++;
      }
    }
    return chosen;
  }

  private static double[] normalised(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[] p = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      p[i] = weights[i] / total;
    }
    return p;
  }

  private static List<Integer> range(int n) {
    return java.util.stream.IntStream.range(0, n).boxed().toList();
  }
}
