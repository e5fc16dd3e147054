package org.triangulate.synthesis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.triangulate.study.Study;

/**
 * The appendix's method: how shares, tests and patterns were computed and how quotes were chosen,
 * with the thresholds from {@code study.yml}. Immutable; thread-safe.
 */
final class PackMethod {

  private final Study study;

  PackMethod(Study study) {
    this.study = study;
  }

  Map<String, String> describe() {
    Study.PatternThresholds t = study.patterns();
    Map<String, String> method = new LinkedHashMap<>();
    method.put(
        "Answers",
        "A: “is this happening here?” (yes, partly, no, don't know, not relevant), shown as % of"
            + " all answers with a Wilson 95% interval for % yes; B: “how important is this to"
            + " you?” from "
            + study.importance().min()
            + " to "
            + study.importance().max()
            + ", shown as mean with a t-based 95% interval.");
    method.put(
        "In-place share",
        "yes / (yes + partly + no). Replicated in place: at least "
            + percent(t.replicatedInPlaceMinShare())
            + "; replicated not in place: at most "
            + percent(t.replicatedNotInPlaceMaxShare())
            + "; overall and in every case with at least "
            + t.minGroupN()
            + " answers (cases and groups with fewer are shown but marked, and not used to call"
            + " a pattern).");
    method.put(
        "Group differences",
        "Answer A: chi-square test of independence on group × answer (with a Monte Carlo p from "
            + t.monteCarloTables()
            + " seeded random tables when any expected count is below 5) and "
            + (t.cramersVBiasCorrected() ? "bias-corrected " : "")
            + "Cramér's V of at least "
            + t.minEffectSize()
            + ". Importance: Mann–Whitney U (2 groups) or Kruskal–Wallis H (3 or more) and"
            + " epsilon-squared of at least "
            + t.importanceMinEffectSize()
            + ". Either calls the pattern when its Benjamini–Hochberg adjusted p (across the"
            + " items of the grouping) is below "
            + t.alpha()
            + ".");
    method.put(
        "Importance gap",
        "mean importance at least "
            + t.importanceGapMinMean()
            + " and in-place share at most "
            + percent(t.importanceGapMaxShare())
            + ".");
    method.put(
        "Order and strength",
        "Patterns are shown strongest first: how far past its threshold each lies, on its weakest"
            + " criterion, from 0 (only just) to 1 (as far as possible).");
    method.put(
        "Quotes",
        "Participant turns only (never the interviewer's), aligned to the row's item (by the"
            + " interviewer's question they answer, their own meaning by a local sentence-embedding"
            + " model ("
            + study.alignment().model()
            + "), and the codebook's codings) with a score of at least "
            + study.alignment().quoteMinScore()
            + " when two kinds of evidence agree and of at least "
            + study.quotes().uncorroboratedMinScore()
            + " when only one does, in the row's group, strongest alignment first; each quote"
            + " shows its speaker's own answer to the item, and a split group's quotes come from each answer in rough"
            + " proportion to it; then chosen for"
            + " diversity: at most "
            + study.quotes().perGroupMax()
            + " per group, at most one per participant in a pattern's section, new cases before"
            + " repeated ones, no near-duplicates (sharing "
            + Math.round(QuoteFinder.NEAR_DUPLICATE * 100)
            + "% or more of their three-word sequences; one is still taken when a group would"
            + " otherwise have no quote), "
            + study.quotes().minChars()
            + "–"
            + study.quotes().maxChars()
            + " characters. Quotes are de-identified text from the extracts index; participants"
            + " and cases appear by pseudonym only. “No matching extract” means no turn of that"
            + " group aligned to the item met these rules.");
    return method;
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }
}
