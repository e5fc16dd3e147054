package org.triangulate.synthesis;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.triangulate.stats.ItemGroupStats;
import org.triangulate.stats.Pattern;
import org.triangulate.stats.PatternFamily;
import org.triangulate.study.Happening;
import org.triangulate.study.Study;

/**
 * A pattern's finding as one plain sentence a workshop can read aloud under the item's wording,
 * built from the item's numbers: e.g. "Not in place in any case: 9% yes overall, at most 20% in any
 * case; mean importance 3.6 of 4." Group labels come from the {@link Study}. Immutable;
 * thread-safe.
 */
final class Findings {

  private final Study study;

  Findings(Study study) {
    this.study = study;
  }

  /** A label for the pattern's family, for the section's heading. */
  String typeLabel(Pattern pattern) {
    return typeLabel(pattern.family(), pattern.grouping());
  }

  /** A label for a family of patterns; {@code grouping} only matters for VARIES_BY. */
  String typeLabel(PatternFamily family, String grouping) {
    return switch (family) {
      case REPLICATED_IN_PLACE -> "In place in every case";
      case REPLICATED_NOT_IN_PLACE -> "Not in place in any case";
      case IMPORTANCE_GAP -> "Important but not in place";
      case VARIES_BY -> "Differs by " + study.groupingLabel(grouping).toLowerCase(Locale.ROOT);
    };
  }

  /**
   * @param overall the item's row over all answers
   * @param groups the item's rows for the pattern's groups (cases for replicated patterns), those
   *     with at least the minimum group n
   */
  String sentence(Pattern pattern, ItemGroupStats overall, List<ItemGroupStats> groups) {
    return switch (pattern.family()) {
      case REPLICATED_IN_PLACE ->
          "In place in every case: "
              + percent(overall.pct(Happening.YES))
              + " yes overall, at least "
              + percent(extreme(groups, s -> s.pct(Happening.YES), false))
              + " in any case"
              + importance(overall)
              + ".";
      case REPLICATED_NOT_IN_PLACE ->
          "Not in place in any case: "
              + percent(overall.pct(Happening.YES))
              + " yes overall, at most "
              + percent(extreme(groups, s -> s.pct(Happening.YES), true))
              + " in any case"
              + importance(overall)
              + ".";
      case IMPORTANCE_GAP ->
          "Matters but is not in place: mean importance "
              + JointDisplay.decimal(overall.importance().mean())
              + " of "
              + study.importance().max()
              + ", yet only "
              + percent(overall.pct(Happening.YES))
              + " say yes.";
      case VARIES_BY -> variesBy(pattern, groups);
    };
  }

  private String variesBy(Pattern pattern, List<ItemGroupStats> groups) {
    StringBuilder text =
        new StringBuilder("Differs by ")
            .append(study.groupingLabel(pattern.grouping()).toLowerCase(Locale.ROOT))
            .append(": ");
    boolean happening = pattern.differsIn().isEmpty() || pattern.differsIn().contains("happening");
    boolean importance = pattern.differsIn().contains("importance");
    if (happening) {
      ItemGroupStats high = highest(groups, s -> s.pct(Happening.YES));
      ItemGroupStats low = lowest(groups, s -> s.pct(Happening.YES));
      if (high != null && low != null && high != low) {
        text.append(percent(high.pct(Happening.YES)))
            .append(" yes for ")
            .append(label(pattern, high))
            .append(" against ")
            .append(percent(low.pct(Happening.YES)))
            .append(" for ")
            .append(label(pattern, low));
      } else {
        text.append("answers differ between ").append(groups.size()).append(" groups");
      }
    }
    if (importance) {
      ToDoubleFunction<ItemGroupStats> mean = s -> s.importance().mean();
      List<ItemGroupStats> rated = groups.stream().filter(s -> s.importance().n() > 0).toList();
      ItemGroupStats high = highest(rated, mean);
      ItemGroupStats low = lowest(rated, mean);
      if (happening) {
        text.append("; ");
      }
      if (high != null && low != null && high != low) {
        text.append("mean importance ")
            .append(JointDisplay.decimal(high.importance().mean()))
            .append(" for ")
            .append(label(pattern, high))
            .append(" against ")
            .append(JointDisplay.decimal(low.importance().mean()))
            .append(" for ")
            .append(label(pattern, low));
      } else {
        text.append("importance differs between ").append(rated.size()).append(" groups");
      }
    }
    return text.append('.').toString();
  }

  private String label(Pattern pattern, ItemGroupStats row) {
    return study.groupLabel(pattern.grouping(), row.group());
  }

  private static ItemGroupStats highest(
      List<ItemGroupStats> rows, ToDoubleFunction<ItemGroupStats> value) {
    return rows.stream()
        .filter(r -> !Double.isNaN(value.applyAsDouble(r)))
        .max(Comparator.comparingDouble(value))
        .orElse(null);
  }

  private static ItemGroupStats lowest(
      List<ItemGroupStats> rows, ToDoubleFunction<ItemGroupStats> value) {
    return rows.stream()
        .filter(r -> !Double.isNaN(value.applyAsDouble(r)))
        .min(Comparator.comparingDouble(value))
        .orElse(null);
  }

  private static double extreme(
      List<ItemGroupStats> rows, ToDoubleFunction<ItemGroupStats> value, boolean max) {
    ItemGroupStats row = max ? highest(rows, value) : lowest(rows, value);
    return row == null ? Double.NaN : value.applyAsDouble(row);
  }

  private String importance(ItemGroupStats overall) {
    return overall.importance().n() == 0
        ? ""
        : "; mean importance "
            + JointDisplay.decimal(overall.importance().mean())
            + " of "
            + study.importance().max();
  }

  private static String percent(double pct) {
    return JointDisplay.percent(pct);
  }

  static boolean isReplicated(Pattern pattern) {
    return pattern.family() == PatternFamily.REPLICATED_IN_PLACE
        || pattern.family() == PatternFamily.REPLICATED_NOT_IN_PLACE;
  }
}
