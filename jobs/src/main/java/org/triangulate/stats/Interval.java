package org.triangulate.stats;

/** A two-sided confidence interval; both ends NaN when undefined. Immutable. */
public record Interval(double low, double high) {

  public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

  public boolean isDefined() {
    return !Double.isNaN(low) && !Double.isNaN(high);
  }

  Interval scaled(double factor) {
    return new Interval(low * factor, high * factor);
  }
}
