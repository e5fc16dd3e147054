package org.triangulate.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Random choices the generator makes, always through a seeded stream. Stateless. */
final class Draw {

  private Draw() {}

  static <T> T pick(RandomGenerator random, List<T> options) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException("nothing to pick from");
    }
    return options.get(random.nextInt(options.size()));
  }

  static boolean chance(RandomGenerator random, double probability) {
    return random.nextDouble() < probability;
  }

  static int between(RandomGenerator random, int min, int maxInclusive) {
    return min + random.nextInt(maxInclusive - min + 1);
  }

  /** A shuffled copy (Fisher–Yates), leaving the list as it was. */
  static <T> List<T> shuffled(RandomGenerator random, List<T> list) {
    List<T> copy = new ArrayList<>(list);
    for (int i = copy.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T swap = copy.get(i);
      copy.set(i, copy.get(j));
      copy.set(j, swap);
    }
    return copy;
  }

  /** Up to {@code n} distinct elements in random order. */
  static <T> List<T> sample(RandomGenerator random, List<T> list, int n) {
    List<T> shuffled = shuffled(random, list);
    return shuffled.subList(0, Math.min(n, shuffled.size()));
  }

  /** An index drawn with probability proportional to its weight. */
  static int weighted(RandomGenerator random, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0 && weights[i] > 0) {
        return i;
      }
    }
    for (int i = weights.length - 1; i >= 0; i--) {
      if (weights[i] > 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("no positive weight");
  }
}
