package org.triangulate.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * Two coders' decisions on one category over the segments both saw: {@code both} coded it, only the
 * first, only the second, {@code neither}; and the characters of the segments each coded. Its
 * Cohen's kappa and Krippendorff's alpha treat "not coded" as a value, so uncoded text counts.
 * Immutable.
 */
public record PairTable(
    long both,
    long firstOnly,
    long secondOnly,
    long neither,
    long chars,
    long firstChars,
    long secondChars) {

  public long units() {
    return both + firstOnly + secondOnly + neither;
  }

  /** Observed agreement: the share of segments both coded or both left uncoded. */
  public double observedAgreement() {
    return units() == 0 ? Double.NaN : (double) (both + neither) / units();
  }

  /**
   * Cohen's kappa: {@code (p_o - p_e) / (1 - p_e)} with {@code p_e} from each coder's own rate;
   * {@link Double#NaN} when {@code p_e} is 1 (both coders made one and the same decision
   * throughout), where it is undefined.
   */
  public double cohensKappa() {
    long n = units();
    if (n == 0) {
      return Double.NaN;
    }
    double first = (double) (both + firstOnly) / n;
    double second = (double) (both + secondOnly) / n;
    double expected = first * second + (1 - first) * (1 - second);
    if (expected >= 1) {
      return Double.NaN;
    }
    return (observedAgreement() - expected) / (1 - expected);
  }

  /** Krippendorff's alpha (nominal) of the two coders' 0/1 decisions. */
  public double krippendorffAlpha() {
    List<List<Integer>> units = new ArrayList<>();
    add(units, both, 1, 1);
    add(units, firstOnly, 1, 0);
    add(units, secondOnly, 0, 1);
    add(units, neither, 0, 0);
    return KrippendorffAlpha.nominal(units);
  }

  private static void add(List<List<Integer>> units, long count, int first, int second) {
    for (long i = 0; i < count; i++) {
      units.add(List.of(first, second));
    }
  }

  /** Share of the segments' characters the first coder coded to the category. */
  public double firstShare() {
    return chars == 0 ? Double.NaN : (double) firstChars / chars;
  }

  public double secondShare() {
    return chars == 0 ? Double.NaN : (double) secondChars / chars;
  }
}
