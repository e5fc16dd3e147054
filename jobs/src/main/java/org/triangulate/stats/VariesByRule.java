package org.triangulate.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.triangulate.study.Study;

/**
 * Calls {@code VARIES_BY_<GROUPING>} for an item when its answers differ between the groups of a
 * grouping in either answer: A (is it happening?) when the chi-square comparison has adjusted p
 * &lt; {@code alpha} and Cramér's V ≥ {@code min-effect-size}; B (how important is it?) when the
 * rank comparison has adjusted p &lt; {@code alpha} and epsilon-squared ≥ {@code
 * importance-min-effect-size}. Either suffices, because both are reasons to pull each group's
 * extracts side by side: a group may see the same practice in place yet value it differently.
 *
 * <p>One pattern per item and grouping, whichever answers differ (named in {@link
 * Pattern#differsIn()}). Its groups are those the calling comparisons tested; its highest and
 * lowest group are by in-place share when answer A calls it, else by mean importance. Strength is
 * the larger of the two margins past the effect-size floors (see {@link PatternDetector}).
 * Stateless apart from its configuration; thread-safe.
 */
final class VariesByRule {

  static final String HAPPENING = "happening";
  static final String IMPORTANCE = "importance";

  private final Study.PatternThresholds thresholds;
  private final PatternEvidence evidence;
  private final Function<String, List<String>> categories;

  VariesByRule(
      Study study, PatternEvidence evidence, Function<String, List<String>> categoriesForItem) {
    this.thresholds = study.patterns();
    this.evidence = evidence;
    this.categories = categoriesForItem;
  }

  /**
   * @param rowsByItem each item's statistics rows; items whose overall n is below the minimum are
   *     absent or skipped by the caller
   */
  List<Pattern> detect(
      List<GroupComparison> comparisons, Map<String, List<ItemGroupStats>> rowsByItem) {
    Map<List<String>, List<GroupComparison>> byItemAndGrouping =
        comparisons.stream()
            .collect(
                Collectors.groupingBy(
                    c -> List.of(c.itemId(), c.grouping()),
                    LinkedHashMap::new,
                    Collectors.toList()));
    List<Pattern> patterns = new ArrayList<>();
    byItemAndGrouping.forEach((key, rows) -> {
      List<ItemGroupStats> stats = rowsByItem.get(key.get(0));
      if (stats != null) {
        call(key.get(1), rows, stats).ifPresent(patterns::add);
      }
    });
    return patterns;
  }

  private Optional<Pattern> call(
      String grouping, List<GroupComparison> comparisons, List<ItemGroupStats> itemRows) {
    GroupComparison happening =
        comparisons.stream()
            .filter(c -> HappeningComparison.NAME.equals(c.test()))
            .filter(c -> passes(c, thresholds.minEffectSize()))
            .findFirst()
            .orElse(null);
    GroupComparison importance =
        comparisons.stream()
            .filter(ImportanceComparison::wrote)
            .filter(c -> passes(c, thresholds.importanceMinEffectSize()))
            .findFirst()
            .orElse(null);
    if (happening == null && importance == null) {
      return Optional.empty();
    }
    Map<String, ItemGroupStats> byGroup =
        itemRows.stream()
            .filter(r -> grouping.equals(r.grouping()))
            .collect(
                Collectors.toMap(
                    ItemGroupStats::group, Function.identity(), (x, y) -> x, LinkedHashMap::new));
    PatternEvidence.Difference a =
        happening == null ? null : difference(happening, byGroup, ItemGroupStats::inPlaceShare);
    PatternEvidence.Difference b =
        importance == null ? null : difference(importance, byGroup, r -> r.importance().mean());
    PatternEvidence.Difference lead = a != null ? a : b;
    List<String> differsIn = new ArrayList<>();
    double strength = 0;
    if (a != null) {
      differsIn.add(HAPPENING);
      strength = PatternDetector.margin(happening.effectSize(), thresholds.minEffectSize(), 1);
    }
    if (b != null) {
      differsIn.add(IMPORTANCE);
      strength =
          Math.max(
              strength,
              PatternDetector.margin(
                  importance.effectSize(), thresholds.importanceMinEffectSize(), 1));
    }
    ItemGroupStats overall =
        itemRows.stream().filter(ItemGroupStats::isOverall).findFirst().orElseThrow();
    String type = PatternFamily.VARIES_BY.name() + "_" + grouping.toUpperCase(Locale.ROOT);
    return Optional.of(
        new Pattern(
            type + ":" + overall.itemId(),
            type,
            PatternFamily.VARIES_BY,
            overall.itemId(),
            grouping,
            groups(byGroup, happening, importance),
            lead.highest() == null ? null : lead.highest().group(),
            lead.lowest() == null ? null : lead.lowest().group(),
            evidence.variesBy(grouping, a, b),
            strength,
            categories.apply(overall.itemId()),
            differsIn));
  }

  private boolean passes(GroupComparison c, double effectFloor) {
    return c.pAdjusted() < thresholds.alpha() && c.effectSize() >= effectFloor;
  }

  /** The compared groups at either end of {@code measure}; none when one group or all equal. */
  private static PatternEvidence.Difference difference(
      GroupComparison comparison,
      Map<String, ItemGroupStats> byGroup,
      ToDoubleFunction<ItemGroupStats> measure) {
    ItemGroupStats highest = null;
    ItemGroupStats lowest = null;
    for (String group : comparison.groups()) {
      ItemGroupStats row = byGroup.get(group);
      if (row == null || Double.isNaN(measure.applyAsDouble(row))) {
        continue;
      }
      double value = measure.applyAsDouble(row);
      highest = highest == null || value > measure.applyAsDouble(highest) ? row : highest;
      lowest = lowest == null || value < measure.applyAsDouble(lowest) ? row : lowest;
    }
    if (highest == lowest || measure.applyAsDouble(highest) == measure.applyAsDouble(lowest)) {
      return new PatternEvidence.Difference(comparison, null, null);
    }
    return new PatternEvidence.Difference(comparison, highest, lowest);
  }

  /** The groups either calling comparison tested, in the grouping's display order. */
  private static List<String> groups(
      Map<String, ItemGroupStats> byGroup, GroupComparison a, GroupComparison b) {
    Set<String> tested = new HashSet<>();
    for (GroupComparison c : new GroupComparison[] {a, b}) {
      if (c != null) {
        tested.addAll(c.groups());
      }
    }
    return byGroup.keySet().stream().filter(tested::contains).toList();
  }
}
