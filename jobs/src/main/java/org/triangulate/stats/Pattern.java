package org.triangulate.stats;

import java.util.Comparator;
import java.util.List;

/**
 * A structured pattern worth taking to a workshop, with what synthesis needs to build its joint
 * display: the grouping whose groups it compares, those groups, and the codebook categories whose
 * extracts speak to the item. Immutable.
 *
 * @param id stable across runs: {@code <type>:<item id>}
 * @param type the family name, or {@code VARIES_BY_<GROUPING>} for {@link PatternFamily#VARIES_BY}
 * @param grouping {@value ItemGroupStats#CASE} for replicated patterns and importance gaps, the
 *     compared grouping for {@code VARIES_BY}
 * @param groups the groups to compare, in display order: the cases (or groups) with at least the
 *     study's minimum group n
 * @param highestGroup for {@code VARIES_BY}, the group with the highest in-place share, or the
 *     highest mean importance when only importance differs (else null)
 * @param lowestGroup likewise the lowest (else null)
 * @param evidence one line of plain English with the numbers
 * @param strength 0..1, see {@link PatternDetector}: how far past its thresholds the pattern is
 * @param categories ids of the codebook categories for the item
 * @param differsIn for {@code VARIES_BY}, which answers differ between the groups: {@code
 *     happening} (A), {@code importance} (B) or both; empty for other families
 */
public record Pattern(
    String id,
    String type,
    PatternFamily family,
    String itemId,
    String grouping,
    List<String> groups,
    String highestGroup,
    String lowestGroup,
    String evidence,
    double strength,
    List<String> categories,
    List<String> differsIn) {

  /** Ranking: strongest first; ties by family, then item, then type, so the order is stable. */
  public static final Comparator<Pattern> STRONGEST_FIRST =
      Comparator.comparingDouble(Pattern::strength)
          .reversed()
          .thenComparing(Pattern::family)
          .thenComparing(Pattern::itemId)
          .thenComparing(Pattern::type);

  public Pattern {
    groups = List.copyOf(groups);
    categories = List.copyOf(categories);
    differsIn = List.copyOf(differsIn);
  }
}
