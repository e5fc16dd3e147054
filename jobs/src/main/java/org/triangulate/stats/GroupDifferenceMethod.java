package org.triangulate.stats;

import java.util.List;
import java.util.SortedMap;

/**
 * A test of whether one item's answers differ between the groups of one grouping: the seam where
 * {@link GroupComparisons} plugs tests in: {@link HappeningComparison} on answer A and {@link
 * ImportanceComparison} on answer B. Each implementation's rows across the items of a grouping are
 * one family for Benjamini–Hochberg. Implementations are stateless and thread-safe.
 */
public interface GroupDifferenceMethod {

  /** The family's name (a row's {@link GroupComparison#test()} names the test actually run). */
  String name();

  /**
   * @param answersByGroup the item's answers in each group of the grouping that has any, groups in
   *     display order
   */
  GroupComparison compare(
      String itemId, String grouping, SortedMap<String, List<Answer>> answersByGroup);
}
