package org.triangulate.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.triangulate.study.Codebook;
import org.triangulate.study.Study;

/**
 * Turns item statistics and group comparisons into {@link Pattern}s, using the thresholds in {@code
 * study.patterns()} (shares 0..1). Only rows with at least the minimum group n count; an item whose
 * overall n is below it yields no pattern.
 *
 * <ul>
 *   <li>{@code REPLICATED_IN_PLACE}: in-place share ≥ {@code replicatedInPlaceMinShare} overall and
 *       in every case with enough answers, and at least 2 such cases (one case replicates nothing).
 *       A case with enough answers but nobody saying yes, partly or no has no share and breaks the
 *       pattern.
 *   <li>{@code REPLICATED_NOT_IN_PLACE}: likewise with share ≤ {@code
 *       replicatedNotInPlaceMaxShare}.
 *   <li>{@code VARIES_BY_<GROUPING>} ({@link VariesByRule}): answer A's chi-square comparison has
 *       Benjamini–Hochberg adjusted p &lt; {@code alpha} and Cramér's V ≥ {@code minEffectSize}, or
 *       answer B's rank comparison has adjusted p &lt; {@code alpha} and epsilon-squared ≥ {@code
 *       importanceMinEffectSize}.
 *   <li>{@code IMPORTANCE_GAP}: overall importance mean ≥ {@code importanceGapMinMean} from at
 *       least the minimum group n ratings, and overall in-place share ≤ {@code
 *       importanceGapMaxShare}.
 * </ul>
 *
 * <p><b>Strength</b> (for ranking, comparable across families) is how far the pattern lies past its
 * threshold, as a fraction of the distance from the threshold to the most extreme value possible,
 * taken on its weakest criterion: 0 = only just meets it, 1 = as extreme as possible.
 * REPLICATED_IN_PLACE: (s − t) / (1 − t) with s the lowest share overall or in a case;
 * REPLICATED_NOT_IN_PLACE: (t − s) / t with s the highest; VARIES_BY: (V − t) / (1 − t), or (ε² −
 * t) / (1 − t) for importance, the larger when both differ; IMPORTANCE_GAP: the smaller of (mean −
 * t) / (scale max − t) and (t − share) / t. A threshold already at the extreme gives 1.
 *
 * <p>Stateless apart from the study; thread-safe.
 */
public final class PatternDetector {

  private final Study study;
  private final Study.PatternThresholds thresholds;
  private final PatternEvidence evidence;
  private final VariesByRule variesBy;

  public PatternDetector(Study study) {
    this.study = study;
    this.thresholds = study.patterns();
    this.evidence = new PatternEvidence(study);
    this.variesBy = new VariesByRule(study, evidence, this::categories);
  }

  /** All patterns, strongest first ({@link Pattern#STRONGEST_FIRST}). */
  public List<Pattern> detect(List<ItemGroupStats> stats, List<GroupComparison> comparisons) {
    Map<String, List<ItemGroupStats>> byItem =
        stats.stream().collect(Collectors.groupingBy(ItemGroupStats::itemId));
    List<Pattern> patterns = new ArrayList<>();
    byItem.forEach((itemId, rows) -> {
      Optional<ItemGroupStats> overall =
          rows.stream().filter(ItemGroupStats::isOverall).findFirst();
      if (overall.isEmpty() || overall.get().belowMinN()) {
        return;
      }
      List<ItemGroupStats> cases =
          rows.stream()
              .filter(r -> ItemGroupStats.CASE.equals(r.grouping()) && !r.belowMinN())
              .toList();
      int smallCases =
          (int)
              rows.stream()
                  .filter(r -> ItemGroupStats.CASE.equals(r.grouping()) && r.belowMinN())
                  .count();
      replicatedInPlace(overall.get(), cases, smallCases).ifPresent(patterns::add);
      replicatedNotInPlace(overall.get(), cases, smallCases).ifPresent(patterns::add);
      importanceGap(overall.get(), cases).ifPresent(patterns::add);
    });
    Map<String, List<ItemGroupStats>> withEnoughAnswers =
        byItem.entrySet().stream()
            .filter(e -> e.getValue().stream().anyMatch(r -> r.isOverall() && !r.belowMinN()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    patterns.addAll(variesBy.detect(comparisons, withEnoughAnswers));
    return patterns.stream().sorted(Pattern.STRONGEST_FIRST).toList();
  }

  private Optional<Pattern> replicatedInPlace(
      ItemGroupStats overall, List<ItemGroupStats> cases, int smallCases) {
    double t = thresholds.replicatedInPlaceMinShare();
    if (cases.size() < 2
        || !(overall.inPlaceShare() >= t)
        || !cases.stream().allMatch(c -> c.inPlaceShare() >= t)) {
      return Optional.empty();
    }
    double lowest = Math.min(overall.inPlaceShare(), min(cases));
    String text = evidence.replicated(overall, "at least", min(cases), cases.size(), smallCases);
    return Optional.of(
        pattern(
            PatternFamily.REPLICATED_IN_PLACE.name(),
            PatternFamily.REPLICATED_IN_PLACE,
            overall,
            ItemGroupStats.CASE,
            groups(cases),
            null,
            null,
            text,
            margin(lowest, t, 1)));
  }

  private Optional<Pattern> replicatedNotInPlace(
      ItemGroupStats overall, List<ItemGroupStats> cases, int smallCases) {
    double t = thresholds.replicatedNotInPlaceMaxShare();
    if (cases.size() < 2
        || !(overall.inPlaceShare() <= t)
        || !cases.stream().allMatch(c -> c.inPlaceShare() <= t)) {
      return Optional.empty();
    }
    double highest = Math.max(overall.inPlaceShare(), max(cases));
    String text = evidence.replicated(overall, "at most", max(cases), cases.size(), smallCases);
    return Optional.of(
        pattern(
            PatternFamily.REPLICATED_NOT_IN_PLACE.name(),
            PatternFamily.REPLICATED_NOT_IN_PLACE,
            overall,
            ItemGroupStats.CASE,
            groups(cases),
            null,
            null,
            text,
            margin(highest, t, 0)));
  }

  private Optional<Pattern> importanceGap(ItemGroupStats overall, List<ItemGroupStats> cases) {
    double minMean = thresholds.importanceGapMinMean();
    double maxShare = thresholds.importanceGapMaxShare();
    ImportanceSummary importance = overall.importance();
    if (importance.n() < thresholds.minGroupN()
        || !(importance.mean() >= minMean)
        || !(overall.inPlaceShare() <= maxShare)) {
      return Optional.empty();
    }
    double strength =
        Math.min(
            margin(importance.mean(), minMean, study.importance().max()),
            margin(overall.inPlaceShare(), maxShare, 0));
    return Optional.of(
        pattern(
            PatternFamily.IMPORTANCE_GAP.name(),
            PatternFamily.IMPORTANCE_GAP,
            overall,
            ItemGroupStats.CASE,
            groups(cases),
            null,
            null,
            evidence.importanceGap(overall),
            strength));
  }

  private Pattern pattern(
      String type,
      PatternFamily family,
      ItemGroupStats overall,
      String grouping,
      List<String> groups,
      String highest,
      String lowest,
      String text,
      double strength) {
    String itemId = overall.itemId();
    return new Pattern(
        type + ":" + itemId,
        type,
        family,
        itemId,
        grouping,
        groups,
        highest,
        lowest,
        text,
        strength,
        categories(itemId),
        List.of());
  }

  private List<String> categories(String itemId) {
    Codebook codebook = study.codebook();
    if (codebook == null) {
      return List.of();
    }
    return codebook.categoriesForItem(itemId).stream().map(Codebook.Category::id).toList();
  }

  /** Fraction of the way from threshold to extreme (either direction), clamped to 0..1. */
  static double margin(double value, double threshold, double extreme) {
    if (threshold == extreme) {
      return 1;
    }
    return Math.max(0, Math.min(1, (value - threshold) / (extreme - threshold)));
  }

  private static List<String> groups(List<ItemGroupStats> rows) {
    return rows.stream().map(ItemGroupStats::group).toList();
  }

  private static double min(List<ItemGroupStats> rows) {
    return rows.stream().mapToDouble(ItemGroupStats::inPlaceShare).min().orElse(Double.NaN);
  }

  private static double max(List<ItemGroupStats> rows) {
    return rows.stream().mapToDouble(ItemGroupStats::inPlaceShare).max().orElse(Double.NaN);
  }
}
