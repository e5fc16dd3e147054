package org.triangulate.stats;

import org.triangulate.study.Happening;

/**
 * Statistics of one item within one group of one grouping: the overall row has grouping and group
 * {@value #ALL}; case rows have grouping {@value #CASE}. Immutable.
 *
 * @param n answers to the item (answers with a code for A)
 * @param pctYesCi Wilson 95% interval of {@code pct(YES)}, in percent (0..100)
 * @param belowMinN {@code n} is below the study's minimum group n: reported, but not used to call a
 *     pattern
 */
public record ItemGroupStats(
    String itemId,
    String domain,
    String grouping,
    String group,
    HappeningCounts counts,
    Interval pctYesCi,
    ImportanceSummary importance,
    boolean belowMinN) {

  /** Grouping and group of the row over all answers to an item. */
  public static final String ALL = "all";

  /** The pseudo-grouping whose groups are the cases. */
  public static final String CASE = "case";

  public int n() {
    return counts.n();
  }

  public double pct(Happening happening) {
    return counts.pct(happening);
  }

  /** yes / (yes + partly + no), 0..1; NaN when nobody said yes, partly or no. */
  public double inPlaceShare() {
    return counts.inPlaceShare();
  }

  /** (yes + partly) / (yes + partly + no), 0..1; NaN when nobody said yes, partly or no. */
  public double inPlaceOrPartlyShare() {
    return counts.inPlaceOrPartlyShare();
  }

  public boolean isOverall() {
    return ALL.equals(grouping);
  }
}
