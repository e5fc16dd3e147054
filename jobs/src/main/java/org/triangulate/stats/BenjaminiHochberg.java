package org.triangulate.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini–Hochberg false discovery rate adjustment (step-up): the adjusted value of the p-value
 * of rank i (ascending) among m is {@code min over j ≥ i of min(1, p(j) · m / j)}, so adjusted
 * values keep the order of the raw ones. Stateless.
 */
public final class BenjaminiHochberg {

  private BenjaminiHochberg() {}

  /**
   * Adjusts the p-values, returned in the input's order. NaN entries (tests not run) are neither
   * counted in m nor adjusted; they stay NaN.
   *
   * @throws IllegalArgumentException when a p-value is outside 0..1
   */
  public static double[] adjust(double[] pValues) {
    for (double p : pValues) {
      if (p < 0 || p > 1) {
        throw new IllegalArgumentException("not a p-value: " + p);
      }
    }
    Integer[] order =
        IntStream.range(0, pValues.length)
            .filter(i -> !Double.isNaN(pValues[i]))
            .boxed()
            .sorted(Comparator.comparingDouble(i -> pValues[i]))
            .toArray(Integer[]::new);
    double[] adjusted = new double[pValues.length];
    Arrays.fill(adjusted, Double.NaN);
    int m = order.length;
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int index = order[rank - 1];
      running = Math.min(running, pValues[index] * m / rank);
      adjusted[index] = running;
    }
    return adjusted;
  }
}
