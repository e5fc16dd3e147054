package org.triangulate.stats;

import java.util.Locale;
import org.triangulate.study.Study;

/**
 * One-line plain-English evidence for a pattern. Words about the study (grouping and group labels)
 * come from the {@link Study}; shares are shown as whole percentages. Immutable; thread-safe.
 */
final class PatternEvidence {

  private final Study study;

  PatternEvidence(Study study) {
    this.study = study;
  }

  /** e.g. "in place 9% overall, at most 20% in each of 8 cases with n ≥ 3; mean importance 3.6". */
  String replicated(
      ItemGroupStats overall, String bound, double caseShare, int cases, int smallCases) {
    int minN = study.patterns().minGroupN();
    StringBuilder text =
        new StringBuilder()
            .append("in place ")
            .append(percent(overall.inPlaceShare()))
            .append(" overall, ")
            .append(bound)
            .append(' ')
            .append(percent(caseShare))
            .append(" in each of ")
            .append(cases)
            .append(" cases with n ≥ ")
            .append(minN);
    if (smallCases > 0) {
      text.append(" (")
          .append(smallCases)
          .append(smallCases == 1 ? " case" : " cases")
          .append(" with fewer answers not counted)");
    }
    return text.append(importance(overall)).toString();
  }

  /** e.g. "mean importance 3.6 (n 40) but in place only 12% overall". */
  String importanceGap(ItemGroupStats overall) {
    return "mean importance "
        + oneDecimal(overall.importance().mean())
        + " (n "
        + overall.importance().n()
        + ") but in place only "
        + percent(overall.inPlaceShare())
        + " overall";
  }

  /**
   * A comparison that calls a VARIES_BY pattern, with its groups at either end (in-place share for
   * answer A, mean importance for answer B); both ends null when there is none to name.
   */
  record Difference(GroupComparison comparison, ItemGroupStats highest, ItemGroupStats lowest) {}

  /**
   * e.g. "by Employer: in place 90% for NHS (n 10) vs 20% for Voluntary sector (n 10); chi-square
   * 12.3, df 1, adjusted p 0.004, Cramér's V 0.71", then, when importance differs too, ";
   * importance 3.8 for … (n 9) vs 2.1 for … (n 8); Kruskal–Wallis H 9.1, df 2, adjusted p 0.020, ε²
   * 0.31".
   *
   * @param happening the answer-A difference, or null when it does not call the pattern
   * @param importance the answer-B difference, or null when it does not call the pattern
   */
  String variesBy(String grouping, Difference happening, Difference importance) {
    StringBuilder text =
        new StringBuilder("by ").append(study.groupingLabel(grouping)).append(": ");
    if (happening != null) {
      GroupComparison c = happening.comparison();
      contrast(text, grouping, happening, true);
      text.append("; chi-square ")
          .append(oneDecimal(c.statistic()))
          .append(", df ")
          .append(c.degreesOfFreedom())
          .append(", adjusted p ")
          .append(pValue(c.pAdjusted()))
          .append(
              HappeningComparison.EFFECT_MEASURE_BIAS_CORRECTED.equals(c.effectMeasure())
                  ? ", bias-corrected Cramér's V "
                  : ", Cramér's V ")
          .append(twoDecimals(c.effectSize()));
    }
    if (importance != null) {
      GroupComparison c = importance.comparison();
      if (happening != null) {
        text.append("; ");
      }
      contrast(text, grouping, importance, false);
      boolean kruskal = ImportanceComparison.KRUSKAL_WALLIS.equals(c.test());
      text.append(kruskal ? "; Kruskal–Wallis H " : "; Mann–Whitney U ")
          .append(oneDecimal(c.statistic()));
      if (kruskal) {
        text.append(", df ").append(c.degreesOfFreedom());
      }
      text.append(", adjusted p ")
          .append(pValue(c.pAdjusted()))
          .append(", ε² ")
          .append(twoDecimals(c.effectSize()));
    }
    return text.toString();
  }

  private void contrast(StringBuilder text, String grouping, Difference d, boolean share) {
    if (d.highest() == null || d.lowest() == null) {
      text.append(share ? "answers differ across " : "importance differs across ")
          .append(d.comparison().groups().size())
          .append(" groups");
      return;
    }
    text.append(share ? "in place " : "importance ");
    end(text, grouping, d.highest(), share).append(" vs ");
    end(text, grouping, d.lowest(), share);
  }

  private StringBuilder end(
      StringBuilder text, String grouping, ItemGroupStats row, boolean share) {
    return text.append(share ? percent(row.inPlaceShare()) : oneDecimal(row.importance().mean()))
        .append(" for ")
        .append(study.groupLabel(grouping, row.group()))
        .append(" (n ")
        .append(share ? row.n() : row.importance().n())
        .append(')');
  }

  private static String importance(ItemGroupStats overall) {
    return overall.importance().n() == 0
        ? ""
        : "; mean importance " + oneDecimal(overall.importance().mean());
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  private static String twoDecimals(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String oneDecimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String pValue(double p) {
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
  }
}
