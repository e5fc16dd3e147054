package org.triangulate.agreement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Krippendorff's alpha for nominal data, any number of coders, missing values allowed, computed
 * from the coincidence matrix as in Krippendorff's "Computing Krippendorff's Alpha-Reliability":
 * {@code alpha = 1 - (n - 1) * sum(o_ck, c != k) / sum(n_c * n_k, c != k)}, counting only units
 * with at least two values. Stateless.
 */
public final class KrippendorffAlpha {

  private KrippendorffAlpha() {}

  /**
   * Alpha over {@code units}, each the values its coders gave ({@code null}: that coder gave none);
   * {@link Double#NaN} when there is no disagreement to expect (fewer than two pairable values, or
   * every pairable value the same).
   */
  public static double nominal(List<? extends List<?>> units) {
    // o_ck: coincidences of values c and k within units; only its off-diagonal sum and the
    // marginals n_c are needed for nominal data.
    Map<Object, Double> marginals = new HashMap<>();
    double disagreeingCoincidences = 0;
    double pairable = 0;
    for (List<?> unit : units) {
      List<?> values = unit.stream().filter(Objects::nonNull).toList();
      int m = values.size();
      if (m < 2) {
        continue;
      }
      Map<Object, Integer> counts = new HashMap<>();
      values.forEach(v -> counts.merge(v, 1, Integer::sum));
      // Each ordered pair of different coders' values adds 1 / (m - 1); pairs with unequal values
      // are m^2 - sum(count^2) of the m^2 ordered pairs including a value with itself.
      long same = counts.values().stream().mapToLong(c -> (long) c * c).sum();
      disagreeingCoincidences += ((double) m * m - same) / (m - 1);
      counts.forEach((v, c) -> marginals.merge(v, (double) c, Double::sum));
      pairable += m;
    }
    double sumSquares = marginals.values().stream().mapToDouble(n -> n * n).sum();
    double expectedPairs = pairable * pairable - sumSquares;
    if (pairable < 2 || expectedPairs == 0) {
      return Double.NaN;
    }
    return 1 - (pairable - 1) * disagreeingCoincidences / expectedPairs;
  }
}
