package org.triangulate.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Compares answer B (importance) between groups by ranks: Mann–Whitney U for two groups,
 * Kruskal–Wallis H (tie-corrected) for three or more. Effect size for both is epsilon-squared E²_R
 * = H / (n − 1) from the tie-corrected H ({@link KruskalWallis}), so one floor ({@code
 * patterns.importance-min-effect-size}) means the same whatever the number of groups.
 *
 * <p>Groups with fewer importance ratings than the minimum group n are left out and named in the
 * note; the test is skipped, with a note, when fewer than 2 groups remain or every rating is the
 * same. The rows of both tests form one family for Benjamini–Hochberg: whichever test ran, each row
 * answers "does importance differ between the groups?". Immutable; thread-safe.
 */
public final class ImportanceComparison implements GroupDifferenceMethod {

  public static final String NAME = "importance_rank";
  public static final String KRUSKAL_WALLIS = "kruskal_wallis";
  public static final String MANN_WHITNEY_U = "mann_whitney_u";
  public static final String EFFECT_MEASURE = "epsilon_squared";

  private final int minGroupN;

  public ImportanceComparison(int minGroupN) {
    this.minGroupN = minGroupN;
  }

  /** Whether a comparison row was written by this test. */
  public static boolean wrote(GroupComparison comparison) {
    return KRUSKAL_WALLIS.equals(comparison.test()) || MANN_WHITNEY_U.equals(comparison.test());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public GroupComparison compare(
      String itemId, String grouping, SortedMap<String, List<Answer>> answersByGroup) {
    MinimumGroupSize.Split<double[]> split =
        MinimumGroupSize.split(
            answersByGroup,
            answers ->
                answers.stream()
                    .map(Answer::importance)
                    .filter(Objects::nonNull)
                    .mapToDouble(Integer::doubleValue)
                    .toArray(),
            ratings -> ratings.length,
            minGroupN,
            "importance n");
    List<String> notes = new ArrayList<>(split.notes());
    List<String> groups = split.keptGroups();
    int compared = groups.size() >= 2 ? groups.size() : answersByGroup.size();
    String test = compared >= 3 ? KRUSKAL_WALLIS : MANN_WHITNEY_U;
    if (groups.size() < 2) {
      notes.add("skipped: fewer than 2 groups with importance n >= " + minGroupN);
      return skipped(itemId, grouping, test, groups, notes);
    }
    KruskalWallis.Result kruskal = KruskalWallis.test(split.kept());
    if (kruskal == null) {
      notes.add("skipped: every importance rating is the same");
      return skipped(itemId, grouping, test, groups, notes);
    }
    if (groups.size() >= 3) {
      return new GroupComparison(
          itemId,
          grouping,
          KRUSKAL_WALLIS,
          groups,
          kruskal.statistic(),
          kruskal.degreesOfFreedom(),
          kruskal.pValue(),
          Double.NaN,
          Double.NaN,
          kruskal.epsilonSquared(),
          EFFECT_MEASURE,
          String.join("; ", notes));
    }
    MannWhitney.Result u = MannWhitney.test(split.kept().get(0), split.kept().get(1));
    notes.add(
        (u.exact()
                ? "exact p (no ties, a group of at most " + MannWhitney.EXACT_MAX_SMALLER_N + ")"
                : "normal approximation with continuity and tie correction")
            + "; U of "
            + groups.get(0));
    return new GroupComparison(
        itemId,
        grouping,
        MANN_WHITNEY_U,
        groups,
        u.u(),
        null,
        u.pValue(),
        Double.NaN,
        Double.NaN,
        kruskal.epsilonSquared(),
        EFFECT_MEASURE,
        String.join("; ", notes));
  }

  private static GroupComparison skipped(
      String itemId, String grouping, String test, List<String> groups, List<String> notes) {
    return GroupComparison.skipped(
        itemId, grouping, test, groups, EFFECT_MEASURE, String.join("; ", notes));
  }
}
