package org.triangulate.stats;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Monte Carlo p-value of Pearson's chi-square test of independence, conditional on the table's
 * margins: the exact test's p estimated from random tables with the observed row and column totals.
 *
 * <p>Tables are drawn by permutation rather than Patefield's algorithm, which samples the same
 * distribution: the n observations keep their rows while their columns are shuffled, so every table
 * with the observed margins comes up with its multivariate hypergeometric probability. The shuffle
 * is Fisher–Yates on {@link BoundedDraws} (Commons Math's {@code MathArrays.shuffle} does the same
 * but builds a distribution object per swap, three times slower here), and only as far as the rows
 * before the last need: the last row takes what the others leave of each column. The table is
 * turned first so that the last row is its largest margin ({@link #withLargestMarginLast}). The
 * cost is O(n) per table, small for interview studies; the draws are most of it, hence a fast
 * generator.
 *
 * <p>p = (1 + tables with X² ≥ observed X²) / (1 + tables), as in R's {@code chisq.test(simulate.
 * p.value = TRUE)}: never 0, and a valid p-value for any number of tables. "≥" allows 64 ulps of
 * rounding, so a table whose X² equals the observed one up to summation order counts.
 *
 * <p>Each comparison draws from its own generator, seeded from the study's seed, the item and the
 * grouping ({@link #generator}), so a comparison's p does not change when items are added or
 * computed in another order. Stateless; thread-safe.
 */
final class MonteCarloChiSquare {

  /**
   * An LXM generator: the JDK specifies the algorithm, so a seed gives the same stream on every
   * JVM, and it draws a bounded int in less than half the time of Commons Math's Well19937c, which
   * made the Monte Carlo tables most of a no-change night.
   */
  private static final RandomGeneratorFactory<RandomGenerator> ALGORITHM =
      RandomGeneratorFactory.of("L64X128MixRandom");

  /** R's {@code almost.1}: 1 − 64 · machine epsilon. */
  private static final double ALMOST_ONE = 1 - 64 * Math.ulp(1.0);

  private MonteCarloChiSquare() {}

  /**
   * @param table a table without all-zero rows or columns
   * @param tables how many random tables to draw
   */
  static double pValue(long[][] observed, int tables, RandomGenerator random) {
    long[][] table = withLargestMarginLast(observed);
    ChiSquareIndependence.Expected expected = ChiSquareIndependence.Expected.of(table);
    int rows = table.length;
    int columns = table[0].length;
    int[] rowTotals = new int[rows];
    int[] columnTotals = new int[columns];
    int[] columnOfObservation = new int[Math.toIntExact((long) expected.n())];
    int next = 0;
    for (int j = 0; j < columns; j++) {
      for (int i = 0; i < rows; i++) {
        rowTotals[i] += (int) table[i][j];
        columnTotals[j] += (int) table[i][j];
        for (long k = 0; k < table[i][j]; k++) {
          columnOfObservation[next++] = j;
        }
      }
    }
    // X² = Σ o²/e − n, and n is the same for every table with these margins: comparing Σ o²/e
    // spares a subtraction and a division per cell. The observed table's sum is computed the same
    // way, so a random table equal to it gives the same double.
    double[][] inverseExpected = new double[rows][columns];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        inverseExpected[i][j] = 1 / expected.counts()[i][j];
      }
    }
    int[] rowCounts = new int[columns];
    int[] lastRow = new int[columns];
    double bar = sumOfSquaresOverExpected(table, inverseExpected) * ALMOST_ONE;
    int atLeastAsExtreme = 0;
    int n = columnOfObservation.length;
    int shuffled = n - rowTotals[rows - 1];
    BoundedDraws draws = new BoundedDraws(random);
    for (int t = 0; t < tables; t++) {
      // positions 0..shuffled-1 become a uniform random draw without replacement from all n
      for (int i = 0; i < shuffled; i++) {
        int j = i + draws.below(n - i);
        int swap = columnOfObservation[i];
        columnOfObservation[i] = columnOfObservation[j];
        columnOfObservation[j] = swap;
      }
      // one row's counts at a time, summed in the same order as the observed table's; the last
      // row holds what the others leave of each column
      System.arraycopy(columnTotals, 0, lastRow, 0, columns);
      double sum = 0;
      int k = 0;
      for (int i = 0; i < rows; i++) {
        int[] counts = rowCounts;
        if (i < rows - 1) {
          Arrays.fill(rowCounts, 0);
          for (int m = 0; m < rowTotals[i]; m++) {
            rowCounts[columnOfObservation[k++]]++;
          }
          for (int j = 0; j < columns; j++) {
            lastRow[j] -= rowCounts[j];
          }
        } else {
          counts = lastRow;
        }
        double[] inverse = inverseExpected[i];
        for (int j = 0; j < columns; j++) {
          sum += (long) counts[j] * counts[j] * inverse[j];
        }
      }
      if (sum >= bar) {
        atLeastAsExtreme++;
      }
    }
    return (1.0 + atLeastAsExtreme) / (1.0 + tables);
  }

  /**
   * Uniform ints below a bound, two from each 64-bit draw: Lemire's multiply-and-shift on each
   * 32-bit half, redrawing the few products that would favour some values ("Fast random integer
   * generation in an interval", ACM TOMACS 2019). The shuffle needs only small bounds, so a 64-bit
   * draw is mostly wasted on one int.
   */
  static final class BoundedDraws {

    private final RandomGenerator random;
    private long bits;
    private boolean halfLeft;

    BoundedDraws(RandomGenerator random) {
      this.random = random;
    }

    int below(int bound) {
      long product = nextHalf() * bound;
      long low = product & 0xFFFFFFFFL;
      if (low < bound) {
        long threshold = (0x1_0000_0000L - bound) % bound;
        while (low < threshold) {
          product = nextHalf() * bound;
          low = product & 0xFFFFFFFFL;
        }
      }
      return (int) (product >>> 32);
    }

    private long nextHalf() {
      if (halfLeft) {
        halfLeft = false;
        return bits & 0xFFFFFFFFL;
      }
      bits = random.nextLong();
      halfLeft = true;
      return bits >>> 32;
    }
  }

  /**
   * The table turned and its rows reordered so that the largest row or column total is the last
   * row's: X² and the distribution of tables with given margins do not depend on which margin is
   * called rows or on their order, and the last row is the one the shuffle never draws.
   */
  static long[][] withLargestMarginLast(long[][] table) {
    int rows = table.length;
    int columns = table[0].length;
    long[] rowTotals = new long[rows];
    long[] columnTotals = new long[columns];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        rowTotals[i] += table[i][j];
        columnTotals[j] += table[i][j];
      }
    }
    boolean turn = columnTotals[largestAt(columnTotals)] > rowTotals[largestAt(rowTotals)];
    long[][] oriented = turn ? new long[columns][rows] : new long[rows][];
    for (int i = 0; i < rows; i++) {
      if (!turn) {
        oriented[i] = table[i].clone();
        continue;
      }
      for (int j = 0; j < columns; j++) {
        oriented[j][i] = table[i][j];
      }
    }
    int largest = largestAt(turn ? columnTotals : rowTotals);
    long[] last = oriented[oriented.length - 1];
    oriented[oriented.length - 1] = oriented[largest];
    oriented[largest] = last;
    return oriented;
  }

  private static int largestAt(long[] totals) {
    int at = 0;
    for (int i = 1; i < totals.length; i++) {
      if (totals[i] > totals[at]) {
        at = i;
      }
    }
    return at;
  }

  private static double sumOfSquaresOverExpected(long[][] table, double[][] inverseExpected) {
    double sum = 0;
    for (int i = 0; i < table.length; i++) {
      for (int j = 0; j < table[i].length; j++) {
        sum += table[i][j] * table[i][j] * inverseExpected[i][j];
      }
    }
    return sum;
  }

  /**
   * The generator for one comparison. {@link String#hashCode()} is specified by the Java language,
   * so the seed, and with it the p-value, is the same on every JVM.
   */
  static RandomGenerator generator(long studySeed, String itemId, String grouping) {
    return ALGORITHM.create(
        ByteBuffer.allocate(16)
            .putLong(studySeed)
            .putInt(itemId.hashCode())
            .putInt(grouping.hashCode())
            .array());
  }
}
