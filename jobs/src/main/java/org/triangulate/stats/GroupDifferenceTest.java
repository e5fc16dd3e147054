package org.triangulate.stats;

import java.util.List;
import java.util.SortedMap;

/**
 * A test of whether one item's answers differ between the groups of one grouping: the seam where
 * {@link GroupComparisons} plugs tests in. Today there is one, {@link HappeningChiSquareTest} on
 * answer A. Answer B (importance) is to be compared by Kruskal–Wallis (3+ groups) or Mann–Whitney U
 * (2 groups) as a second implementation; that test does not exist yet. Implementations are
 * stateless and thread-safe.
 */
public interface GroupDifferenceTest {

  /** The test's name, written to {@code comparisons.csv}; Benjamini–Hochberg adjusts per name. */
  String name();

  /**
   * @param answersByGroup the item's answers in each group of the grouping that has any, groups in
   *     display order
   */
  GroupComparison compare(
      String itemId, String grouping, SortedMap<String, List<Answer>> answersByGroup);
}
