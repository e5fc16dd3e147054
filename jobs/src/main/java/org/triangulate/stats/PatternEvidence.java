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

  /** e.g. "by Employer: in place 90% for NHS vs 20% for Voluntary sector; chi-square 12.3, ...". */
  String variesBy(GroupComparison comparison, ItemGroupStats highest, ItemGroupStats lowest) {
    String grouping = comparison.grouping();
    StringBuilder text =
        new StringBuilder("by ").append(study.groupingLabel(grouping)).append(": ");
    if (highest != null && lowest != null) {
      text.append("in place ")
          .append(percent(highest.inPlaceShare()))
          .append(" for ")
          .append(study.groupLabel(grouping, highest.group()))
          .append(" (n ")
          .append(highest.n())
          .append(") vs ")
          .append(percent(lowest.inPlaceShare()))
          .append(" for ")
          .append(study.groupLabel(grouping, lowest.group()))
          .append(" (n ")
          .append(lowest.n())
          .append(')');
    } else {
      text.append("answers differ across ").append(comparison.groups().size()).append(" groups");
    }
    return text.append("; chi-square ")
        .append(oneDecimal(comparison.statistic()))
        .append(", df ")
        .append(comparison.degreesOfFreedom())
        .append(", adjusted p ")
        .append(pValue(comparison.pAdjusted()))
        .append(", Cramér's V ")
        .append(String.format(Locale.ROOT, "%.2f", comparison.effectSize()))
        .toString();
  }

  private static String importance(ItemGroupStats overall) {
    return overall.importance().n() == 0
        ? ""
        : "; mean importance " + oneDecimal(overall.importance().mean());
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  private static String oneDecimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String pValue(double p) {
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
  }
}
