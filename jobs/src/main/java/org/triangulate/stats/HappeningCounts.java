package org.triangulate.stats;

import java.util.Collection;
import org.triangulate.study.Happening;

/**
 * How many answers fell in each answer-A code. Immutable; percentages and the in-place share are
 * derived, and NaN when their denominator is 0.
 */
public record HappeningCounts(int yes, int partly, int no, int dontKnow, int notRelevant) {

  public static final HappeningCounts NONE = new HappeningCounts(0, 0, 0, 0, 0);

  /** Counts the non-null codes; a blank answer A is not an answer to the item. */
  public static HappeningCounts of(Collection<Happening> answers) {
    int[] c = new int[Happening.values().length];
    for (Happening h : answers) {
      if (h != null) {
        c[h.ordinal()]++;
      }
    }
    return new HappeningCounts(
        c[Happening.YES.ordinal()],
        c[Happening.PARTLY.ordinal()],
        c[Happening.NO.ordinal()],
        c[Happening.DONT_KNOW.ordinal()],
        c[Happening.NOT_RELEVANT.ordinal()]);
  }

  public int count(Happening happening) {
    return switch (happening) {
      case YES -> yes;
      case PARTLY -> partly;
      case NO -> no;
      case DONT_KNOW -> dontKnow;
      case NOT_RELEVANT -> notRelevant;
    };
  }

  /** All answers to the item, whatever the code. */
  public int n() {
    return yes + partly + no + dontKnow + notRelevant;
  }

  /** Answers that say whether it is in place: yes + partly + no. */
  public int substantive() {
    return yes + partly + no;
  }

  /** Percentage (0..100) of all answers with this code. */
  public double pct(Happening happening) {
    int n = n();
    return n == 0 ? Double.NaN : 100.0 * count(happening) / n;
  }

  /** yes / (yes + partly + no), 0..1. */
  public double inPlaceShare() {
    int answered = substantive();
    return answered == 0 ? Double.NaN : (double) yes / answered;
  }

  /** (yes + partly) / (yes + partly + no), 0..1: in place at least in part. */
  public double inPlaceOrPartlyShare() {
    int answered = substantive();
    return answered == 0 ? Double.NaN : (double) (yes + partly) / answered;
  }
}
